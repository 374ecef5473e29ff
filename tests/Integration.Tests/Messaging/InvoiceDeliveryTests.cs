using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Integration.Tests.Infrastructure;
using static InvoiceFirst.Integration.Tests.Messaging.MessagingHost;

namespace InvoiceFirst.Integration.Tests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class InvoiceDeliveryTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static readonly Dictionary<string, string?> WithTemplate = new() { ["WhatsApp:InvoiceTemplate"] = "invoice_v1" };

    [Fact]
    public async Task OneLineCommand_CustomerNeverWrote_TemplateToCustomerAndReplyToMerchant()
    {
        await using var host = await StartAsync(WithTemplate);

        Assert.Equal(HttpStatusCode.OK, (await host.SendWhatsAppAsync(BotFactory.MerchantPhone, Command)).StatusCode);
        var sent = await host.Graph.Requests.WaitForAsync(2, Deadline);
        await host.UntilInvoiceAsync(InvoiceStatus.Sent);

        var toCustomer = Assert.Single(sent, r => To(r) == Customer);
        Assert.Equal("template", toCustomer.Json["type"]!.GetValue<string>());
        Assert.Equal("invoice_v1", toCustomer.Json["template"]!["name"]!.GetValue<string>());
        Assert.Single(sent, r => To(r) == BotFactory.MerchantPhone);
        Assert.Equal(0, host.AfricasTalking.Requests.Count);
    }

    [Fact]
    public async Task OneLineCommand_CustomerWroteWithin24Hours_InteractiveWithPayButton()
    {
        await using var host = await StartAsync(WithTemplate);
        await host.MarkCustomerWroteAsync(Customer, DateTimeOffset.UtcNow.AddHours(-2));

        await host.SendWhatsAppAsync(BotFactory.MerchantPhone, Command);
        var sent = await host.Graph.Requests.WaitForAsync(2, Deadline);
        await host.UntilInvoiceAsync(InvoiceStatus.Sent);

        var toCustomer = Assert.Single(sent, r => To(r) == Customer);
        Assert.Equal("interactive", toCustomer.Json["type"]!.GetValue<string>());
        Assert.StartsWith("pay:", toCustomer.Json["interactive"]!["action"]!["buttons"]![0]!["reply"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Send_WhatsAppAnswers131026_OneAfricasTalkingSmsWithPayLink()
    {
        await using var host = await StartAsync(WithTemplate);
        host.Graph.EnqueueError(131026);

        await host.SendWhatsAppAsync(BotFactory.MerchantPhone, Command);
        var sms = await host.AfricasTalking.Requests.WaitForAsync(1, Deadline);
        await host.UntilInvoiceAsync(InvoiceStatus.Sent);
        await host.Graph.Requests.WaitForAsync(2, Deadline);

        var invoice = await host.InvoiceAsync();
        Assert.Equal("+254712345678", Assert.Single(sms).Form["to"]);
        Assert.Contains($"https://bot.example.com/pay/{invoice.PayToken}", sms[0].Form["message"]);
        Assert.Single(host.Graph.Requests.All, r => To(r) == Customer);
    }

    [Fact]
    public async Task StatusWebhook_FailedForSentInvoiceDeliveredTwice_ExactlyOneSms()
    {
        await using var host = await StartAsync(WithTemplate);
        var wamid = InvoiceFirst.Testing.Fakes.FakeWhatsAppGraph.NewWamid();
        host.Graph.EnqueueSuccess(wamid);
        await host.SendWhatsAppAsync(BotFactory.MerchantPhone, Command);
        await host.Graph.Requests.WaitForAsync(2, Deadline);
        await host.UntilInvoiceAsync(InvoiceStatus.Sent);

        var failed = InvoiceFirst.Testing.Fakes.WebhookBuilders.Bytes(InvoiceFirst.Testing.Fakes.WebhookBuilders.Envelope(
            statuses: [InvoiceFirst.Testing.Fakes.WebhookBuilders.Status(wamid, "failed", Customer, 131026)]));
        await host.PostSignedAsync(failed);
        await host.PostSignedAsync(failed);
        await host.AfricasTalking.Requests.WaitForAsync(1, Deadline);
        await UntilAsync(async () => (await host.OutboxAsync()).Any(o => o.Provider == "africastalking" && o.Status == OutboxStatus.Sent), "SMS recorded");

        Assert.Equal(1, host.AfricasTalking.Requests.Count);
        Assert.Equal(InvoiceStatus.Sent, (await host.InvoiceAsync()).Status);
    }

    [Fact]
    public async Task Send_AfricasTalkingDown_TwilioSendsIt()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>(WithTemplate) { ["Outbox:MaxAttemptsPerProvider"] = "2" });
        host.Graph.EnqueueError(131026);
        host.AfricasTalking.EnqueuePlainText(500, "Internal Server Error");
        host.AfricasTalking.EnqueuePlainText(503, "Service Unavailable");

        await host.SendWhatsAppAsync(BotFactory.MerchantPhone, Command);
        var twilio = await host.Twilio.Requests.WaitForAsync(1, Deadline);
        await host.UntilInvoiceAsync(InvoiceStatus.Sent);

        Assert.Equal("+254712345678", Assert.Single(twilio).Form["To"]);
        Assert.Equal(2, host.AfricasTalking.Requests.Count);
    }

    [Fact]
    public async Task Send_WhatsApp500TwiceThen200_OneMessageNoSms()
    {
        await using var host = await StartAsync(WithTemplate);
        host.Graph.EnqueueStatus(500);
        host.Graph.EnqueueStatus(500);

        await host.SendWhatsAppAsync(BotFactory.MerchantPhone, Command);
        await host.UntilInvoiceAsync(InvoiceStatus.Sent);
        await host.Graph.Requests.WaitForAsync(4, Deadline);

        await UntilAsync(async () => (await host.OutboxAsync()).All(o => o.Status == OutboxStatus.Sent), "both messages sent");

        // Two 500s (on whichever row met them) and one accepted send per message.
        Assert.Equal(4, host.Graph.Requests.Count);
        Assert.Equal(0, host.AfricasTalking.Requests.Count);
        Assert.All(await host.OutboxAsync(), o => Assert.Equal("whatsapp", o.Provider));
    }

    [Fact]
    public async Task Send_TimeoutAfterRequestLeft_NoDuplicateOnWhatsApp()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>(WithTemplate) { ["WhatsApp:TimeoutSeconds"] = "0.5" });
        host.Graph.EnqueueDelay(TimeSpan.FromSeconds(2));

        await host.SendWhatsAppAsync(BotFactory.MerchantPhone, Command);
        await host.AfricasTalking.Requests.WaitForAsync(1, Deadline);
        await host.UntilInvoiceAsync(InvoiceStatus.Sent);

        Assert.Single(host.Graph.Requests.All, r => To(r) == Customer);
        var row = Assert.Single(await host.OutboxAsync(), o => o.Recipient == Customer);
        Assert.Equal("whatsapp?", row.TriedProviders);
    }

    [Fact]
    public async Task Send_EveryChannelFails_InvoiceFailedAndMerchantTold()
    {
        await using var host = await StartAsync(WithTemplate);
        host.Graph.EnqueueError(131026);
        host.AfricasTalking.EnqueueRecipientStatus(406, "UserInBlacklist");
        host.Twilio.EnqueueError(21610);

        await host.SendWhatsAppAsync(BotFactory.MerchantPhone, Command);
        await host.UntilInvoiceAsync(InvoiceStatus.Failed);
        var sent = await host.Graph.Requests.WaitForAsync(3, Deadline);

        var toMerchant = sent.Where(r => To(r) == BotFactory.MerchantPhone).Select(r => r.Body).ToList();
        Assert.Contains(toMerchant, b => b.Contains("could not reach", StringComparison.Ordinal));
        var row = Assert.Single(await host.OutboxAsync(), o => o.Recipient == Customer);
        Assert.Equal(OutboxStatus.Dead, row.Status);
        Assert.Equal("whatsapp,africastalking,twilio", row.TriedProviders);
    }
}
