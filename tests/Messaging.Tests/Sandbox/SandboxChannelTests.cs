using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Channels;
using InvoiceFirst.Messaging.Sandbox;

namespace InvoiceFirst.Messaging.Tests.Sandbox;

public sealed class SandboxChannelTests
{
    private static readonly OutboundMessage Hello = new() { Text = "Hello" };

    [Fact]
    public async Task SendAsync_Message_AcceptedAndRecorded()
    {
        var channel = new SandboxChannel(TimeProvider.System);
        var result = await channel.SendAsync("+254712345678", "whatsapp", Hello, CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var sent = Assert.Single(channel.Messages);
        Assert.Equal(result.ProviderMessageId, sent.Id);
        Assert.StartsWith("sandbox-", sent.Id);
        Assert.Equal(("254712345678", "whatsapp", Hello), (sent.Recipient, sent.Channel, sent.Message));
        Assert.Single(channel.MessagesTo("0712345678"));
    }

    [Fact]
    public async Task WatchAsync_Subscriber_SeesMessagesSentAfterSubscribing()
    {
        var channel = new SandboxChannel(TimeProvider.System);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var seen = new List<SandboxMessage>();
        var enumerator = channel.WatchAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var first = enumerator.MoveNextAsync();

        await channel.SendAsync("254712345678", "sms", Hello, CancellationToken.None);
        await channel.SendAsync("254712345679", "sms", Hello, CancellationToken.None);
        Assert.True(await first);
        seen.Add(enumerator.Current);
        Assert.True(await enumerator.MoveNextAsync());
        seen.Add(enumerator.Current);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await enumerator.MoveNextAsync());

        Assert.Equal(["254712345678", "254712345679"], seen.Select(m => m.Recipient));
    }

    [Fact]
    public async Task SendAsync_ConcurrentSenders_EveryMessageRecordedAndEventRaised()
    {
        var channel = new SandboxChannel(TimeProvider.System);
        var raised = 0;
        channel.MessageSent += _ => Interlocked.Increment(ref raised);

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Task.Run(() => channel.SendAsync("2547123456" + (i % 100).ToString("D2"), "whatsapp", Hello, CancellationToken.None))));

        Assert.Equal(200, channel.Messages.Count);
        Assert.Equal(200, channel.Messages.Select(m => m.Id).Distinct().Count());
        Assert.Equal(200, raised);
    }

    [Fact]
    public async Task SendAsync_PastCapacity_DropsOldest()
    {
        var channel = new SandboxChannel(TimeProvider.System);
        for (var i = 0; i < SandboxChannel.Capacity + 5; i++)
            await channel.SendAsync("254712345678", "sms", Hello with { Text = "m" + i }, CancellationToken.None);
        Assert.Equal(SandboxChannel.Capacity, channel.Messages.Count);
        Assert.Equal("m5", channel.Messages[0].Message.Text);
    }
}
