using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>One limiter per provider, shared by every merchant on this instance.</summary>
public sealed class SendRateLimits(IOptions<OutboxOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, SendRateLimiter> limiters = new();

    public SendRateLimiter For(IMessageChannel channel) =>
        limiters.GetOrAdd(channel.Provider, _ => new SendRateLimiter(channel.MessagesPerSecond, options.Value.RateWindowMargin, clock));
}
