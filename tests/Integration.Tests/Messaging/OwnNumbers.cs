using System.Text.Json;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Merchants;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Messaging;

/// <summary>
/// Three merchants on one messaging host: the seeded one on the shared number, the second and third each on a WhatsApp
/// number of its own, registered with the operator's PUT; the fake Graph knows all three numbers and their tokens.
/// </summary>
internal sealed class OwnNumbers
{
    public const string SharedId = WebhookBuilders.PhoneNumberId;
    public const string SharedToken = "test-access-token";
    public const string DukaId = "200000000000001";
    public const string DukaToken = "EAAG-duka-permanent-token-0001";
    public const string DukaOwner = "254722000111";
    public const string TatuId = "200000000000002";
    public const string TatuToken = "EAAG-tatu-permanent-token-0002";
    public const string TatuOwner = "254722000222";

    private OwnNumbers(MessagingHost host, ThreeMerchants merchants)
    {
        Host = host;
        Merchants = merchants;
    }

    public MessagingHost Host { get; }
    public ThreeMerchants Merchants { get; }
    public (long Id, HttpClient Key) Acme => Merchants.Merchants[0];
    public (long Id, HttpClient Key) Duka => Merchants.Merchants[1];
    public (long Id, HttpClient Key) Tatu => Merchants.Merchants[2];

    public static async Task<OwnNumbers> StartAsync(IDictionary<string, string?>? settings = null, string? connectionString = null)
    {
        var all = new Dictionary<string, string?> { ["WhatsApp:InvoiceTemplate"] = "invoice_v1" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        var host = await MessagingHost.StartAsync(all, connectionString);
        host.Graph.AddNumber(SharedId, SharedToken);
        host.Graph.AddNumber(DukaId, DukaToken);
        host.Graph.AddNumber(TatuId, TatuToken);
        var numbers = new OwnNumbers(host, await ThreeMerchants.StartAsync(host.Bot));
        Assert.Equal(HttpStatusCode.OK, (await numbers.PutAsync(numbers.Duka.Id, DukaId, DukaToken, "+254 711 000 111", "duka_invoice")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await numbers.PutAsync(numbers.Tatu.Id, TatuId, TatuToken, "+254 711 000 222", "tatu_invoice")).StatusCode);
        return numbers;
    }

    public Task<HttpResponseMessage> PutAsync(long merchantId, string phoneNumberId, string token, string display = "+254 711 000 999",
        string? template = null) =>
        Merchants.Operator.PutAsJsonAsync($"/merchants/{merchantId}/whatsapp", new
        {
            phone_number_id = phoneNumberId,
            access_token = token,
            display_phone_number = display,
            templates = new { invoice = template, language = "en" },
        });

    /// <summary>A customer (or anyone) writes <paramref name="text"/> to the business number <paramref name="toNumberId"/>.</summary>
    public Task<HttpResponseMessage> WriteAsync(string from, string text, string toNumberId) =>
        Host.PostSignedAsync(WebhookBuilders.Bytes(WebhookBuilders.Envelope([WebhookBuilders.TextMessage(from, text)], phoneNumberId: toNumberId)));

    public Task<HttpResponseMessage> TapAsync(string from, string buttonId, string toNumberId) =>
        Host.PostSignedAsync(WebhookBuilders.Bytes(WebhookBuilders.Envelope([WebhookBuilders.ButtonReply(from, buttonId, "Pay")], phoneNumberId: toNumberId)));

    /// <summary>Waits for a send to <paramref name="to"/> on the Graph that matches <paramref name="match"/>.</summary>
    public async Task<RecordedRequest> SentToAsync(string to, Func<RecordedRequest, bool>? match = null)
    {
        RecordedRequest? found = null;
        await MessagingHost.UntilAsync(() =>
        {
            found = Host.Graph.Requests.All.LastOrDefault(r => !FakeWhatsAppGraph.IsMediaUpload(r) && MessagingHost.To(r) == to && (match?.Invoke(r) ?? true));
            return Task.FromResult(found is not null);
        }, "a WhatsApp send to " + to);
        return found!;
    }

    public static string Text(RecordedRequest r) =>
        r.Json["text"]?["body"]?.GetValue<string>() ?? r.Json["interactive"]?["body"]?["text"]?.GetValue<string>() ?? "";

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
