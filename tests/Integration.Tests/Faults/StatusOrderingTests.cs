using Dapper;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Messaging;
using InvoiceFirst.Testing.Fakes;
using static InvoiceFirst.Integration.Tests.Messaging.MessagingHost;

namespace InvoiceFirst.Integration.Tests.Faults;

/// <summary>
/// WhatsApp delivery reports arrive out of order and days late (Meta retries for a week). Whatever
/// the order, the invoice message's status only moves forward and the SMS fallback happens at most once.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class StatusOrderingTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);
    private const long Day = 24 * 3600;

    /// <param name="reports">status@age-in-seconds, delivered in this order.</param>
    [Theory]
    [InlineData("read before delivered", "read@0,delivered@0", "READ")]
    [InlineData("delivered and sent after read", "delivered@0,read@0,delivered@0,sent@0", "READ")]
    [InlineData("delivered days late after read", "read@0,delivered@259200", "READ")]
    [InlineData("sent days late after delivered", "delivered@0,sent@172800", "DELIVERED")]
    [InlineData("failed after delivered", "delivered@0,failed@0", "DELIVERED")]
    [InlineData("failed days late after read", "read@0,failed@259200", "READ")]
    public async Task StatusWebhooks_OutOfOrderOrDaysLate_NeverMoveTheMessageBackNorSendAnSms(string scenario, string reports, string expected)
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["WhatsApp:InvoiceTemplate"] = "invoice_v1" });
        var wamid = await SendInvoiceAsync(host);

        await PostReportsAsync(host, wamid, reports);

        var row = await CustomerRowAsync(host);
        Assert.True(OutboxStatus.Parse(expected) == row.Status, $"{scenario}: expected {expected}, was {row.Status}");
        Assert.Equal(0, host.AfricasTalking.Requests.Count + host.Twilio.Requests.Count);
        Assert.Equal(InvoiceStatus.Sent, (await host.InvoiceAsync()).Status);
    }

    [Fact]
    public async Task StatusWebhooks_SentAndDeliveredAfterFailed_OneSmsAndTheSmsRowUntouched()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["WhatsApp:InvoiceTemplate"] = "invoice_v1" });
        var wamid = await SendInvoiceAsync(host);

        await PostReportsAsync(host, wamid, "failed@0");
        await host.AfricasTalking.Requests.WaitForAsync(1, Deadline);
        await UntilAsync(async () => (await CustomerRowAsync(host)).Status == OutboxStatus.Sent, "the SMS recorded");
        // Late, contradictory reports about the WhatsApp attempt, then the failure again, days late.
        await PostReportsAsync(host, wamid, $"sent@0,delivered@0,read@0,failed@{3 * Day}");
        await UntilAsync(async () => (await host.OutboxAsync()).All(o => o.Status != OutboxStatus.Pending && o.Status != OutboxStatus.Sending), "outbox idle");

        var row = await CustomerRowAsync(host);
        Assert.Equal(1, host.AfricasTalking.Requests.Count);
        Assert.Equal(0, host.Twilio.Requests.Count);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal("africastalking", row.Provider);
        Assert.Single(host.Graph.Requests.All, r => To(r) == Customer);
        Assert.Equal(InvoiceStatus.Sent, (await host.InvoiceAsync()).Status);
    }

    [Fact]
    public async Task StatusWebhooks_FailedReportTwoDaysAfterTheSend_StaysFailedWithoutAnSms()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["WhatsApp:InvoiceTemplate"] = "invoice_v1" });
        var wamid = await SendInvoiceAsync(host);
        await host.Bot.Db.InTransactionAsync((c, t) => c.ExecuteAsync("UPDATE outbox SET sent_at = @at WHERE provider_message_id = @wamid",
            new { at = DateTimeOffset.UtcNow.AddDays(-2), wamid }, t), default);

        await PostReportsAsync(host, wamid, "failed@0");
        await UntilAsync(async () => (await host.OutboxAsync()).All(o => o.Status != OutboxStatus.Pending && o.Status != OutboxStatus.Sending), "outbox idle");

        Assert.Equal(OutboxStatus.Failed, (await CustomerRowAsync(host)).Status);
        Assert.Equal(0, host.AfricasTalking.Requests.Count + host.Twilio.Requests.Count);
        Assert.Equal(InvoiceStatus.Sent, (await host.InvoiceAsync()).Status);
    }

    /// <summary>The merchant's one-line command; returns the wamid WhatsApp gave the customer's invoice message.</summary>
    private static async Task<string> SendInvoiceAsync(MessagingHost host)
    {
        Assert.Equal(HttpStatusCode.OK, (await host.SendWhatsAppAsync(BotFactory.MerchantPhone, Command)).StatusCode);
        await host.UntilInvoiceAsync(InvoiceStatus.Sent);
        await UntilAsync(async () => (await CustomerRowAsync(host)).Status == OutboxStatus.Sent, "invoice message sent");
        return (await CustomerRowAsync(host)).ProviderMessageId!;
    }

    private static async Task PostReportsAsync(MessagingHost host, string wamid, string reports)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        foreach (var report in reports.Split(','))
        {
            var (status, age) = (report.Split('@')[0], long.Parse(report.Split('@')[1], System.Globalization.CultureInfo.InvariantCulture));
            var body = WebhookBuilders.Envelope(statuses:
                [WebhookBuilders.Status(wamid, status, Customer, status == "failed" ? 131026 : null, now - age)]);
            Assert.Equal(HttpStatusCode.OK, (await host.PostSignedAsync(WebhookBuilders.Bytes(body))).StatusCode);
            // One at a time, so the order the bot handles them in is the order given.
            await new WhatsAppSender(host.Bot).DrainAsync();
        }
    }

    private static async Task<OutboxEntry> CustomerRowAsync(MessagingHost host) =>
        Assert.Single(await host.OutboxAsync(), o => o.Recipient == Customer);
}
