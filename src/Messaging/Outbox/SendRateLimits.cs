using System.Collections.Concurrent;
using InvoiceFirst.Data.Outbox;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>
/// One limiter per provider, shared by every merchant on this instance; for WhatsApp one per business number, so a
/// merchant's own number has its own (<see cref="IMessageChannel.RateKey"/>).
/// </summary>
public sealed class SendRateLimits(IOptions<OutboxOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, SendRateLimiter> limiters = new();

    public SendRateLimiter For(IMessageChannel channel) => For(channel.Provider, channel.MessagesPerSecond);

    public SendRateLimiter For(IMessageChannel channel, OutboxEntry entry) => For(channel.RateKey(entry), channel.MessagesPerSecond);

    public SendRateLimiter For(string key, int perSecond) =>
        limiters.GetOrAdd(key, _ => new SendRateLimiter(perSecond, options.Value.RateWindowMargin, clock));
}
