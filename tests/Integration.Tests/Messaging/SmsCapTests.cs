using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Messaging.Outbox;
using ChannelNames = InvoiceFirst.Data.Inbox.Channels;

namespace InvoiceFirst.Integration.Tests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class SmsCapTests
{
    [Fact]
    public async Task SmsCap_MoreSmsThanTheDailyCap_StopsBeyondItAndTellsMerchantOnce()
    {
        await using var host = await MessagingHost.StartAsync(new Dictionary<string, string?> { ["Sms:DailyCapPerMerchant"] = "1" });
        var merchant = (await host.Bot.Services.GetRequiredService<MerchantRepository>().FindByPhoneAsync(BotFactory.MerchantPhone, default))!;
        await AssertCappedAtOneAsync(host, merchant, "You have reached today's limit of 1 SMS");
    }

    [Theory]
    [InlineData(1, "You have reached today's limit of 1 SMS")]
    [InlineData(0, "SMS is switched off for your account")]
    public async Task SmsCap_OperatorsOverrideForTheMerchant_AppliesInsteadOfTheDefault(int cap, string notice)
    {
        await using var host = await MessagingHost.StartAsync(new Dictionary<string, string?> { ["Sms:DailyCapPerMerchant"] = "100" });
        var merchant = (await host.Bot.Services.GetRequiredService<MerchantRepository>().FindByPhoneAsync(BotFactory.MerchantPhone, default))!;
        using var api = host.Bot.ApiClient();
        (await api.PutAsJsonAsync($"/merchants/{merchant.Id}/limits", new { daily_sms_cap = cap })).EnsureSuccessStatusCode();

        var sent = await SendThreeSmsAsync(host, merchant);

        Assert.Equal(cap, sent.Sms);
        Assert.Equal(3 - cap, sent.Rows.Count(o => o.DedupeKey!.StartsWith("cap-test:") && o.LastError == "undeliverable:sms_cap"));
        Assert.Contains(notice, OutboxRepository.Deserialize(Assert.Single(sent.Rows, o => o.DedupeKey!.StartsWith("sms-cap:")).Payload).Text);
    }

    private static async Task AssertCappedAtOneAsync(MessagingHost host, Merchant merchant, string notice)
    {
        var (smsSent, rows) = await SendThreeSmsAsync(host, merchant);
        Assert.Equal(1, smsSent);
        Assert.Equal(2, rows.Count(o => o.DedupeKey!.StartsWith("cap-test:") && o.LastError == "undeliverable:sms_cap"));
        var told = Assert.Single(rows, o => o.DedupeKey!.StartsWith("sms-cap:"));
        Assert.Equal(BotFactory.MerchantPhone, told.Recipient);
        Assert.Null(OutboxRepository.Deserialize(told.Payload).SmsText);
        Assert.Contains(notice, OutboxRepository.Deserialize(told.Payload).Text);
    }

    private static async Task<(int Sms, IReadOnlyList<OutboxEntry> Rows)> SendThreeSmsAsync(MessagingHost host, Merchant merchant)
    {
        var now = DateTimeOffset.UtcNow;
        await host.Bot.Db.InTransactionAsync(async (c, t) =>
        {
            for (var i = 0; i < 3; i++)
                await OutboxRepository.EnqueueAsync(c, t, OutboxEntry.Due("25471234567" + i, OutboxPurpose.Notice,
                    new OutboundMessage { Text = "Reminder", SmsText = "Reminder" }, "cap-test:" + i, now, merchant.Id, channel: ChannelNames.Sms), default);
        }, default);
        host.Bot.Services.GetRequiredService<OutboxSignal>().Notify();

        var outbox = host.Bot.Services.GetRequiredService<OutboxRepository>();
        var rows = await Eventually.UntilAsync(() => outbox.ListAsync(default),
            r => r.Count(o => o.DedupeKey!.StartsWith("cap-test:") && (o.Status == OutboxStatus.Sent || o.Status == OutboxStatus.Dead)) == 3
                 && r.Any(o => o.DedupeKey!.StartsWith("sms-cap:")),
            what: "the capped SMS to settle and the merchant notice to go");
        return (host.AfricasTalking.Requests.Count + host.Twilio.Requests.Count, rows);
    }
}
