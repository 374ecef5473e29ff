using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace InvoiceFirst.Testing.Fakes;

/// <summary>Builds STK callback bodies shaped exactly like Daraja's (spec 4.4) and delivers them.</summary>
public static class FakeDarajaCallbacks
{
    private static readonly HttpClient Http = new();

    public static string Success(
        string checkoutRequestId,
        decimal amount,
        string receipt = "NLJ7RT61SV",
        long transactionDate = 20191219102115,
        long phoneNumber = 254708374149,
        string merchantRequestId = "29115-34620561-1",
        decimal? balance = null) =>
        Write(checkoutRequestId, merchantRequestId, "0", "The service request is processed successfully.", items =>
        {
            Item(items, "Amount", w => w.WriteNumberValue(amount));
            Item(items, "MpesaReceiptNumber", w => w.WriteStringValue(receipt));
            if (balance is { } b) Item(items, "Balance", w => w.WriteNumberValue(b));
            Item(items, "TransactionDate", w => w.WriteNumberValue(transactionDate));
            Item(items, "PhoneNumber", w => w.WriteNumberValue(phoneNumber));
        });

    /// <summary>A failure callback: no CallbackMetadata; a numeric code is written as a JSON number like Daraja does.</summary>
    public static string Failure(
        string checkoutRequestId,
        string resultCode = "1032",
        string resultDesc = "Request cancelled by user",
        string merchantRequestId = "f1e2-4b95-a71d-b30d3cdbb7a7942864") =>
        Write(checkoutRequestId, merchantRequestId, resultCode, resultDesc, items: null);

    /// <summary>POSTs a callback body the way Daraja does (JSON with charset, BusinessShortCode header).</summary>
    public static async Task<HttpResponseMessage> PostAsync(string callbackUrl, string body, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, callbackUrl);
        request.Content = new StringContent(body, Encoding.UTF8);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json;charset=UTF-8");
        request.Headers.TryAddWithoutValidation("BusinessShortCode", "174379");
        return await Http.SendAsync(request, ct);
    }

    private static string Write(
        string checkoutRequestId, string merchantRequestId, string resultCode, string resultDesc,
        Action<Utf8JsonWriter>? items)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteStartObject("Body");
            w.WriteStartObject("stkCallback");
            w.WriteString("MerchantRequestID", merchantRequestId);
            w.WriteString("CheckoutRequestID", checkoutRequestId);
            w.WritePropertyName("ResultCode");
            if (long.TryParse(resultCode, out var numeric)) w.WriteNumberValue(numeric);
            else w.WriteStringValue(resultCode);
            w.WriteString("ResultDesc", resultDesc);
            if (items is not null)
            {
                w.WriteStartObject("CallbackMetadata");
                w.WriteStartArray("Item");
                items(w);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Item(Utf8JsonWriter w, string name, Action<Utf8JsonWriter> value)
    {
        w.WriteStartObject();
        w.WriteString("Name", name);
        w.WritePropertyName("Value");
        value(w);
        w.WriteEndObject();
    }
}
