using InvoiceFirst.Data.Invoices;
using Dapper;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Messaging.Twilio;
using InvoiceFirst.Testing.Fakes;
using static InvoiceFirst.Integration.Tests.Messaging.MessagingHost;

namespace InvoiceFirst.Integration.Tests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class SmsWebhookTests
{
    private static Dictionary<string, string> TwilioInbound() => new()
    {
        ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"),
        ["AccountSid"] = "ACtest",
        ["From"] = "+254712345678",
        ["To"] = "+15005550006",
        ["Body"] = "PAY",
        ["NumMedia"] = "0",
    };

    [Fact]
    public async Task TwilioInbound_BadSignature_RefusedWithNothingStored()
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/twilio/inbound") { Content = Form(TwilioInbound()) };
        request.Headers.Add(TwilioSignature.HeaderName, "bm90IGEgc2lnbmF0dXJl");

        var response = await host.Bot.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var c = await host.Bot.Db.OpenAsync(default);
        Assert.Equal(0L, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM inbox"));
    }

    [Fact]
    public async Task TwilioInbound_SignedOverPublicUrl_StoredAndAnsweredWithEmptyTwiml()
    {
        await using var host = await StartAsync();
        var form = TwilioInbound();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/twilio/inbound") { Content = Form(form) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute("https://bot.example.com/twilio/inbound", form, TwilioToken));

        var response = await host.Bot.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<Response></Response>", await response.Content.ReadAsStringAsync());
        await using var c = await host.Bot.Db.OpenAsync(default);
        Assert.Equal(1L, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM inbox WHERE provider = 'twilio'"));
    }

    [Fact]
    public async Task SmsInbound_CommandFromMerchant_CreatesInvoiceAndRepliesBySms()
    {
        await using var host = await StartAsync();
        var form = new Dictionary<string, string>
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["from"] = "+" + BotFactory.MerchantPhone,
            ["to"] = "40404",
            ["text"] = Command,
            ["date"] = Stamp(DateTimeOffset.UtcNow),
            ["linkId"] = "SampleLinkId123",
        };

        var response = await host.Bot.CreateClient().PostAsync(AfricasTalkingCallbacks.InboundPath(), Form(form));
        var sms = await host.AfricasTalking.Requests.WaitForAsync(2, TimeSpan.FromSeconds(10));
        await host.UntilInvoiceAsync(InvoiceStatus.Sent);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(sms, r => r.Form["to"] == "+" + BotFactory.MerchantPhone);
        // The customer never wrote and no template is configured: WhatsApp is no way, SMS is.
        Assert.Single(sms, r => r.Form["to"] == "+254712345678");
        Assert.Equal(0, host.Graph.Requests.Count);
    }
}
