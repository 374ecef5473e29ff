using System.Text.Json;
using Dapper;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Messaging;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Privacy;

/// <summary>Logs and message_log carry metadata only: what the scenario typed must not come back out of them.</summary>
[Collection(MessagingCollection.Name)]
public sealed class PrivacyTests
{
    private const string CustomerName = "Wanjiru Kamau";
    private const string Description = "Logo refresh Kioko";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    // Every form in which the scenario's personal data could leak. The amount has five digits: request
    // lines carry their duration in ms, and a four-digit amount once matched a slow request's.
    private static readonly string[] Forbidden =
    [
        "254712345678", "0712345678", "712345678", "712 345 678",
        "254700000001", "0700000001", "700000001",
        "Wanjiru", "Kamau", "Kioko", "Logo refresh",
        "86753", "86,753", "8675300",
        // Not personal, but a secret: the URL token of the SMS callback that is posted below.
        AfricasTalkingCallbacks.Token,
    ];

    [Fact]
    public async Task FullScenario_LogsAndMessageLog_CarryNoPhoneNameAmountOrText()
    {
        var capture = LogCapture.Start();
        await using var daraja = await FakeDaraja.StartAsync();
        var settings = capture.Settings();
        settings["Mpesa:BaseUrl"] = daraja.BaseUrl;
        settings["Mpesa:ConsumerKey"] = daraja.ConsumerKey;
        settings["Mpesa:ConsumerSecret"] = daraja.ConsumerSecret;
        settings["Payments:PollMilliseconds"] = "100";
        settings["Payments:QueryAfterSeconds"] = "600";
        settings["WhatsApp:InvoiceTemplate"] = "invoice_v1";
        await using var host = await MessagingHost.StartAsync(settings);

        // The merchant is guided step by step, so the name travels too.
        foreach (var text in new[] { "new", "0712 345 678", CustomerName, "Ksh 86,753", Description })
            Assert.Equal(HttpStatusCode.OK, (await host.SendWhatsAppAsync(BotFactory.MerchantPhone, text)).StatusCode);
        await host.PostSignedAsync(WebhookBuilders.Bytes(WebhookBuilders.Envelope([WebhookBuilders.ButtonReply(BotFactory.MerchantPhone, "draft:send", "Send")])));
        await host.UntilInvoiceAsync(InvoiceStatus.Sent);
        var invoice = await host.InvoiceAsync();
        Assert.Equal(CustomerName, invoice.CustomerName);

        // Meta reports the invoice undeliverable: the customer gets it by SMS instead.
        var sent = (await host.OutboxAsync()).Single(o => o.Recipient == MessagingHost.Customer && o.InvoiceId == invoice.Id);
        await host.PostSignedAsync(WebhookBuilders.Bytes(WebhookBuilders.Envelope(
            statuses: [WebhookBuilders.Status(sent.ProviderMessageId!, "failed", MessagingHost.Customer, 131026)])));
        await host.AfricasTalking.Requests.WaitForAsync(1, Deadline);

        // The customer taps Pay, approves the prompt; Safaricom calls back.
        var tap = WebhookBuilders.ButtonReply(MessagingHost.Customer, "pay:" + invoice.Id, "Pay with M-PESA");
        await host.PostSignedAsync(WebhookBuilders.Bytes(WebhookBuilders.Envelope([tap])));
        await daraja.WaitForStkPushesAsync(1, Deadline);
        var push = JsonDocument.Parse(daraja.StkPushes[0].Body).RootElement;
        var callbackUrl = push.GetProperty("CallBackURL").GetString()!;
        var checkoutId = await CheckoutIdAsync(host);
        daraja.SetQueryResult(checkoutId, "0", "The service request is processed successfully.");
        var callback = FakeDarajaCallbacks.Success(checkoutId, 86753, phoneNumber: 254712345678);
        var response = await host.Bot.CreateClient().PostAsync(new Uri(callbackUrl).AbsolutePath,
            new StringContent(callback, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.UntilInvoiceAsync(InvoiceStatus.Paid);
        await MessagingHost.UntilAsync(async () =>
        {
            var outbox = await host.OutboxAsync();
            return outbox.Count(o => o.DedupeKey?.StartsWith("receipt:") == true) == 2
                && outbox.All(o => (o.Status == OutboxStatus.Sent || o.Status == OutboxStatus.Delivered || o.Status == OutboxStatus.Read || o.Status == OutboxStatus.Dead));
        }, "both receipts sent", 15);

        // A delivery report and an inbound SMS reply, the way Africa's Talking posts them.
        var client = host.Bot.CreateClient();
        await client.PostAsync(AfricasTalkingCallbacks.InboundPath(), MessagingHost.Form(new Dictionary<string, string>
        {
            ["from"] = "+254712345678", ["to"] = "20880", ["text"] = "Asante Kioko 86753", ["date"] = MessagingHost.Stamp(DateTimeOffset.UtcNow),
            ["id"] = Guid.NewGuid().ToString("N"), ["linkId"] = "1",
        }));
        await new WhatsAppSender(host.Bot).DrainAsync();

        var logs = capture.Lines.ToList();
        await using var c = await host.Bot.Db.OpenAsync(default);
        var messageLog = (await c.QueryAsync<string>("""
            SELECT concat_ws('|', outbox_id, invoice_id, channel, direction, event, provider, provider_message_id, status, error_code) FROM message_log
            """)).ToList();

        Assert.NotEmpty(logs);
        Assert.NotEmpty(messageLog);
        var leaks = Forbidden
            .SelectMany(secret => logs.Concat(messageLog).Where(l => l.Contains(secret, StringComparison.OrdinalIgnoreCase)).Select(l => $"{secret} in: {l}"))
            .ToList();
        Assert.Empty(leaks);
    }

    private static async Task<string> CheckoutIdAsync(MessagingHost host)
    {
        string? id = null;
        await MessagingHost.UntilAsync(async () =>
        {
            await using var c = await host.Bot.Db.OpenAsync(default);
            id = await c.QuerySingleOrDefaultAsync<string>("SELECT checkout_request_id FROM payments WHERE checkout_request_id IS NOT NULL");
            return id is not null;
        }, "the STK push recorded");
        return id!;
    }
}
