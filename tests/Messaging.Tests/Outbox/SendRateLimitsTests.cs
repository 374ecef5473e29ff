using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Channels;
using InvoiceFirst.Messaging.Outbox;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Messaging.Tests.Outbox;

/// <summary>
/// Which limiter a send waits on: one per provider, and for WhatsApp one per business number, so that one merchant's
/// burst on its own number takes no slot from the shared number or another merchant's.
/// </summary>
public sealed class SendRateLimitsTests
{
    private const int PerSecond = 5;

    private static SendRateLimits Limits() => new(Options.Create(new OutboxOptions()), TimeProvider.System);

    private static OutboxEntry From(string? number) => new() { Recipient = "254712345678", Purpose = OutboxPurpose.Invoice, Payload = "", BusinessNumberId = number };

    /// <summary>Keyed like <see cref="WhatsAppCloudChannel.RateKey"/>: the shared number is the provider itself.</summary>
    private sealed class PerNumberChannel : IMessageChannel
    {
        public string Provider => ProviderNames.WhatsApp;
        public string Kind => "whatsapp";
        public int MessagesPerSecond => PerSecond;
        public string RateKey(OutboxEntry entry) => entry.BusinessNumberId is { } n ? Provider + ":" + n : Provider;
        public Task<SendResult> SendAsync(OutboxEntry entry, OutboundMessage message, ProviderCall call, CancellationToken ct) =>
            throw new NotSupportedException();
    }

    /// <summary>How many of <paramref name="limiter"/>'s next sends may start at one instant.</summary>
    private static int StartableAt(SendRateLimiter limiter, long now, int tries)
    {
        var started = 0;
        for (var i = 0; i < tries; i++)
            if (limiter.TryStart(limiter.Reserve(now), now, out _) is null) started++;
        return started;
    }

    [Fact]
    public void For_EachBusinessNumber_HasItsOwnLimiter_AndTheSameNumberSharesOne()
    {
        var limits = Limits();
        var channel = new PerNumberChannel();

        var shared = limits.For(channel, From(null));
        var duka = limits.For(channel, From("200000000000001"));
        var tatu = limits.For(channel, From("200000000000002"));

        Assert.Same(shared, limits.For(channel));
        Assert.Same(duka, limits.For(channel, From("200000000000001")));
        Assert.Equal(3, new HashSet<SendRateLimiter>([shared, duka, tatu]).Count);
        Assert.All([shared, duka, tatu], l => Assert.Equal(PerSecond, l.PerSecond));
    }

    [Fact]
    public void For_BurstOnOneNumber_LeavesTheOtherNumbersSlotsFree()
    {
        var limits = Limits();
        var channel = new PerNumberChannel();
        var now = TimeProvider.System.GetTimestamp();

        // A burst on Duka's number: at most the slots due by this instant start, the rest are spaced out ahead.
        var burst = StartableAt(limits.For(channel, From("200000000000001")), now, 50);

        Assert.InRange(burst, 1, 2);
        Assert.Equal(1, StartableAt(limits.For(channel, From(null)), now, 1));
        Assert.Equal(1, StartableAt(limits.For(channel, From("200000000000002")), now, 1));
        Assert.Equal(0, StartableAt(limits.For(channel, From("200000000000001")), now, 1));
    }
}
