using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Messaging;
using InvoiceFirst.Messaging.Twilio;
using InvoiceFirst.Testing;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.HostileInput;

/// <summary>
/// The bot calls out only to its configured providers (WhatsApp, Africa's Talking, Twilio, Daraja) at
/// their configured base URLs. URLs inside what it receives — media links, callback fields, error
/// links — are data: a loopback trap standing in for an internal service must see no connection.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class OutboundUrlTests
{
    private const string Customer = MessagingHost.Customer;

    [Fact]
    public async Task Live_PayloadsCarryingUrls_TheBotConnectsOnlyToItsProviders()
    {
        using var trap = new ConnectionTrap();
        var evil = trap.BaseUrl + "/internal/admin";
        await using var daraja = await FakeDaraja.StartAsync();
        await using var host = await MessagingHost.StartAsync(new Dictionary<string, string?>
        {
            ["Mpesa:BaseUrl"] = daraja.BaseUrl,
            ["Mpesa:ConsumerKey"] = daraja.ConsumerKey,
            ["Mpesa:ConsumerSecret"] = daraja.ConsumerSecret,
            ["Payments:PollMilliseconds"] = "100",
            ["Payments:QueryAfterSeconds"] = "600",
        });
        var created = await host.Bot.ApiClient().PostAsJsonAsync("/invoices", new { msisdn = Customer, amount_cents = 150000, description = "Logo " + evil });
        created.EnsureSuccessStatusCode();
        var invoice = await host.InvoiceAsync();

        // WhatsApp: media carrying links, a text with a link, a failed status whose error has an href.
        var image = Message("image", new JsonObject { ["id"] = "9001", ["mime_type"] = "image/jpeg", ["link"] = evil, ["url"] = evil });
        var document = Message("document", new JsonObject { ["id"] = "9002", ["filename"] = "a.pdf", ["link"] = evil });
        var status = WebhookBuilders.Status("wamid.unknown", "failed", Customer, errorCode: 131026);
        status["errors"]![0]!["href"] = evil;
        (await host.PostSignedAsync(WebhookBuilders.Bytes(WebhookBuilders.Envelope(
            [image, document, WebhookBuilders.TextMessage(Customer, "see " + evil)], [status])))).EnsureSuccessStatusCode();

        // Twilio: an MMS with a media URL, signed like Twilio signs it.
        var form = new Dictionary<string, string>
        {
            ["MessageSid"] = "MM" + Guid.NewGuid().ToString("N"), ["AccountSid"] = "ACtest", ["From"] = "+" + Customer, ["To"] = "+15005550006",
            ["Body"] = "", ["NumMedia"] = "1", ["MediaUrl0"] = evil, ["MediaContentType0"] = "image/jpeg",
        };
        using var twilio = new HttpRequestMessage(HttpMethod.Post, "/twilio/inbound") { Content = new FormUrlEncodedContent(form) };
        twilio.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute("https://bot.example.com/twilio/inbound", form, MessagingHost.TwilioToken));
        (await host.Bot.CreateClient().SendAsync(twilio)).EnsureSuccessStatusCode();

        // Daraja: the customer pays; the callback and a C2B confirmation carry URL fields of their own.
        (await host.PostSignedAsync(WebhookBuilders.Bytes(WebhookBuilders.Envelope(
            [WebhookBuilders.ButtonReply(Customer, "pay:" + invoice.Id, "Pay with M-PESA")])))).EnsureSuccessStatusCode();
        await daraja.WaitForStkPushesAsync(1, TimeSpan.FromSeconds(15));
        var push = JsonNode.Parse(daraja.StkPushes[0].Body)!;
        string? checkoutId = null;
        await MessagingHost.UntilAsync(async () => (checkoutId = await CheckoutIdAsync(host, invoice.Id)) is not null, "push recorded");
        daraja.SetQueryResult(checkoutId!, "0", "The service request is processed successfully.");
        var callback = JsonNode.Parse(FakeDarajaCallbacks.Success(checkoutId!, 1500))!;
        callback["Body"]!["stkCallback"]!["CallBackURL"] = evil;
        callback["ResultURL"] = evil;
        callback["QueueTimeOutURL"] = evil;
        var client = host.Bot.CreateClient();
        var callbackPath = new Uri(push["CallBackURL"]!.GetValue<string>()).AbsolutePath;
        (await client.PostAsync(callbackPath, Json(callback))).EnsureSuccessStatusCode();
        var c2b = new JsonObject
        {
            ["TransactionType"] = "Pay Bill", ["TransID"] = "RKTQDM7W6S", ["TransTime"] = "20191122063845", ["TransAmount"] = "10",
            ["BusinessShortCode"] = "174379", ["BillRefNumber"] = "NO-SUCH-INVOICE", ["MSISDN"] = "2547 ***** 126", ["FirstName"] = "X",
            ["ConfirmationURL"] = evil, ["ValidationURL"] = evil, ["ResponseURL"] = evil,
        };
        (await client.PostAsync(BotFactory.C2bValidationPath, Json(c2b))).EnsureSuccessStatusCode();
        (await client.PostAsync(BotFactory.C2bConfirmationPath, Json(c2b))).EnsureSuccessStatusCode();

        await host.UntilInvoiceAsync(InvoiceStatus.Paid);
        await MessagingHost.UntilAsync(() => NothingLeftToDoAsync(host), "inbox and outbox drained", seconds: 30);
        Assert.Equal(0, trap.Connections);
        var sent = host.Graph.Requests.All;
        Assert.NotEmpty(sent);
        // Meta would fetch a previewed link itself: every text goes out with previews off.
        Assert.All(sent.Where(r => r.Json["type"]?.GetValue<string>() == "text"),
            r => Assert.False(r.Json["text"]!["preview_url"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Sandbox_StkPushWithAForeignCallbackUrl_RefusedAndNeverCalled()
    {
        using var trap = new ConnectionTrap();
        await using var bot = BotProcess.Start(new Dictionary<string, string>
        {
            ["App__DataDirectory"] = Directory.CreateTempSubdirectory("invoicefirst-ssrf-").FullName,
        });
        await bot.WaitForOkAsync("/readyz", TimeSpan.FromSeconds(30));
        using var http = new HttpClient { BaseAddress = new Uri(bot.BaseUrl) };

        var foreign = await PushAsync(http, trap.BaseUrl + "/payments/stk/callback/abc");
        var own = await PushAsync(http, bot.BaseUrl + "/payments/stk/callback/" + SecureToken.New());

        // Had the foreign push been taken, approving it is what would make the bot call out.
        if (foreign.CheckoutRequestId is { } id)
            await http.PostAsync($"/sandbox/prompts/{id}/approved", null);
        Assert.Equal(0, trap.Connections);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.Status);
        Assert.Equal(HttpStatusCode.OK, own.Status);
    }

    private static async Task<(HttpStatusCode Status, string? CheckoutRequestId)> PushAsync(HttpClient http, string callbackUrl)
    {
        var body = new JsonObject
        {
            ["BusinessShortCode"] = "174379", ["Password"] = "x", ["Timestamp"] = "20260101000000", ["TransactionType"] = "CustomerPayBillOnline",
            ["Amount"] = "1", ["PartyA"] = Customer, ["PartyB"] = "174379", ["PhoneNumber"] = Customer,
            ["CallBackURL"] = callbackUrl, ["AccountReference"] = "INV-0001", ["TransactionDesc"] = "x",
        };
        using var response = await http.PostAsync("/sandbox/daraja/mpesa/stkpush/v1/processrequest", Json(body));
        var text = await response.Content.ReadAsStringAsync();
        var id = response.IsSuccessStatusCode ? JsonNode.Parse(text)?["CheckoutRequestID"]?.GetValue<string>() : null;
        return (response.StatusCode, id);
    }

    private static JsonObject Message(string type, JsonObject content)
    {
        var m = WebhookBuilders.TextMessage(Customer, "x", "wamid." + Guid.NewGuid().ToString("N"));
        m.Remove("text");
        m["type"] = type;
        m[type] = content;
        return m;
    }

    private static StringContent Json(JsonNode node)
    {
        var content = new StringContent(node.ToJsonString(), System.Text.Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static async Task<string?> CheckoutIdAsync(MessagingHost host, string invoiceId)
    {
        await using var c = await host.Bot.Db.OpenAsync(default);
        return await c.QuerySingleOrDefaultAsync<string?>("SELECT checkout_request_id FROM payments WHERE invoice_id = @invoiceId", new { invoiceId });
    }

    private static async Task<bool> NothingLeftToDoAsync(MessagingHost host)
    {
        await using var c = await host.Bot.Db.OpenAsync(default);
        return await c.ExecuteScalarAsync<long>("""
            SELECT (SELECT count(*) FROM inbox WHERE status = 'PENDING') + (SELECT count(*) FROM outbox WHERE status IN ('PENDING', 'SENDING'))
            """) == 0;
    }
}
