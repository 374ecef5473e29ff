using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Testing.Fakes;
using static InvoiceFirst.Integration.Tests.Messaging.MessagingHost;

namespace InvoiceFirst.Integration.Tests.Messaging;

/// <summary>A chat reply WhatsApp cannot carry goes by SMS like any other message, once; a user id has no SMS.</summary>
[Collection(MessagingCollection.Name)]
public sealed class ReplyFallbackTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    [Theory]
    [InlineData(131026)] // not on WhatsApp (any more)
    [InlineData(131047)] // Meta says the window is closed, whatever we thought
    public async Task Reply_WhatsAppCannotCarryIt_OneSmsWithTheSameText(int code)
    {
        await using var host = await StartAsync();
        host.Graph.EnqueueError(code, forRequest: r => To(r) == Customer);

        await host.SendWhatsAppAsync(Customer, "hello");
        var sms = Assert.Single(await host.AfricasTalking.Requests.WaitForAsync(1, Deadline));
        var row = await SettledAsync(host, Customer);

        Assert.Equal("+" + Customer, sms.Form["to"]);
        Assert.Contains("Reply REGISTER", sms.Form["message"]); // a number nobody knows hears the welcome
        Assert.Equal((OutboxStatus.Sent, "africastalking"), (row.Status, row.Provider));
        Assert.Single(host.Graph.Requests.All);
        Assert.Equal(0, host.Twilio.Requests.Count);
    }

    [Fact]
    public async Task MerchantConfirmation_WhatsAppCannotCarryIt_GoesBySms()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["WhatsApp:InvoiceTemplate"] = "invoice_v1" });
        host.Graph.EnqueueError(131047, forRequest: r => To(r) == BotFactory.MerchantPhone);

        await host.SendWhatsAppAsync(BotFactory.MerchantPhone, Command);
        var sms = Assert.Single(await host.AfricasTalking.Requests.WaitForAsync(1, Deadline));

        Assert.Equal("+" + BotFactory.MerchantPhone, sms.Form["to"]);
        Assert.Contains("INV-0001", sms.Form["message"]);
        Assert.Equal(OutboxStatus.Sent, (await SettledAsync(host, BotFactory.MerchantPhone)).Status);
    }

    [Fact]
    public async Task Reply_ToAUserIdWhatsAppRefuses_NoSmsAnywhere()
    {
        await using var host = await StartAsync();
        const string userId = "KE.13491208655302741918";
        host.Graph.EnqueueError(131026, forRequest: r => FakeWhatsAppGraph.To(r) == userId);
        var message = WebhookBuilders.TextMessage("", "hello");
        message.Remove("from");
        message["from_user_id"] = userId;

        await host.PostSignedAsync(WebhookBuilders.Bytes(WebhookBuilders.Envelope([message])));
        var row = await SettledAsync(host, userId);

        Assert.Equal((OutboxStatus.Dead, "undeliverable:131026"), (row.Status, row.LastError));
        Assert.Null(Assert.Single(host.Graph.Requests.All).Json["to"]);
        Assert.Equal(0, host.AfricasTalking.Requests.Count + host.Twilio.Requests.Count);
    }

    private static async Task<OutboxEntry> SettledAsync(MessagingHost host, string recipient)
    {
        await UntilAsync(async () => (await host.OutboxAsync()).Any(o => o.Recipient == recipient && o.Purpose == OutboxPurpose.Reply
            && o.Status != OutboxStatus.Pending && o.Status != OutboxStatus.Sending), "the reply to settle", Deadline.TotalSeconds);
        return (await host.OutboxAsync()).Single(o => o.Recipient == recipient && o.Purpose == OutboxPurpose.Reply);
    }
}
