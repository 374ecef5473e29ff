using InvoiceFirst.Data.Payments;
using System.Globalization;
using System.Text;
using System.Text.Json;
using InvoiceFirst.Payments.Mpesa.Wire;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>Parses the body Daraja POSTs to the STK CallBackURL (spec 4.4). Never throws on bad input.</summary>
public static class StkCallbackParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    public static StkCallbackParseResult Parse(string raw) => Parse(Encoding.UTF8.GetBytes(raw ?? ""));

    public static StkCallbackParseResult Parse(byte[] raw)
    {
        try
        {
            using var document = JsonDocument.Parse(raw, DocumentOptions);
            return Read(document.RootElement);
        }
        catch (JsonException)
        {
            return StkCallbackParseResult.Malformed("Body is not valid JSON");
        }
    }

    private static StkCallbackParseResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("Body", out var body) || body.ValueKind != JsonValueKind.Object
            || !body.TryGetProperty("stkCallback", out var callback) || callback.ValueKind != JsonValueKind.Object)
            return StkCallbackParseResult.Malformed("Missing Body.stkCallback");

        var checkoutId = DarajaJson.Text(callback, "CheckoutRequestID");
        if (string.IsNullOrEmpty(checkoutId)) return StkCallbackParseResult.Malformed("Missing CheckoutRequestID");

        var resultCode = DarajaJson.Text(callback, "ResultCode");
        if (string.IsNullOrEmpty(resultCode))
            return StkCallbackParseResult.Malformed("Missing ResultCode", checkoutId);

        var result = new StkCallbackResult
        {
            MerchantRequestId = DarajaJson.Text(callback, "MerchantRequestID") ?? "",
            CheckoutRequestId = checkoutId,
            ResultCode = resultCode,
            ResultDesc = DarajaJson.Text(callback, "ResultDesc") ?? "",
        };
        if (!result.IsSuccess) return StkCallbackParseResult.Ok(result);

        var items = Items(callback);
        if (items is null) return StkCallbackParseResult.Malformed("Success without CallbackMetadata", checkoutId);

        if (!items.TryGetValue("Amount", out var amountValue) || !TryDecimal(amountValue, out var amount))
            return StkCallbackParseResult.Malformed("Success without a numeric Amount", checkoutId);
        if (amount != decimal.Truncate(amount) || amount <= 0 || amount > long.MaxValue)
            return StkCallbackParseResult.Malformed("Amount is not a whole number of shillings", checkoutId);

        var receipt = items.TryGetValue("MpesaReceiptNumber", out var receiptValue) ? DarajaJson.Scalar(receiptValue) : null;
        if (string.IsNullOrEmpty(receipt))
            return StkCallbackParseResult.Malformed("Success without MpesaReceiptNumber", checkoutId);

        return StkCallbackParseResult.Ok(result with
        {
            AmountShillings = (long)amount,
            MpesaReceiptNumber = receipt,
            TransactionDate = items.TryGetValue("TransactionDate", out var date) ? DarajaJson.Scalar(date) : null,
            PhoneNumber = items.TryGetValue("PhoneNumber", out var phone) ? DarajaJson.Scalar(phone) : null,
        });
    }

    // Items are {Name, Value} pairs in no promised order, sometimes with an extra Balance: index by Name.
    private static Dictionary<string, JsonElement>? Items(JsonElement callback)
    {
        if (!callback.TryGetProperty("CallbackMetadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object
            || !metadata.TryGetProperty("Item", out var list) || list.ValueKind != JsonValueKind.Array)
            return null;

        var items = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object) continue;
            var name = DarajaJson.Text(item, "Name");
            if (name is not null && item.TryGetProperty("Value", out var value)) items.TryAdd(name, value);
        }
        return items;
    }

    private static bool TryDecimal(JsonElement value, out decimal amount)
    {
        amount = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out amount),
            JsonValueKind.String => decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out amount),
            _ => false,
        };
    }
}
