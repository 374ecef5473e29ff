using System.Collections.Concurrent;
using InvoiceFirst.Messaging.Channels;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>
/// Per-provider circuit breaker and health, from real send outcomes over a sliding window of the
/// last sends. Opens after <see cref="OutboxOptions.BreakerFailures"/> consecutive "retry later" or
/// unknown outcomes, lets one trial through after the cool-down. Per instance, in memory: it is a
/// view of what this instance saw, not shared state.
/// </summary>
public sealed class ProviderHealth(IOptions<OutboxOptions> options, TimeProvider clock)
{
    public const int Window = 100;

    private readonly ConcurrentDictionary<string, ProviderState> states = new();

    public bool TryEnter(string provider) => State(provider).TryEnter(clock.GetTimestamp());

    public void Record(string provider, SendOutcome outcome, TimeSpan latency)
    {
        var o = options.Value;
        State(provider).Record(outcome, latency.TotalMilliseconds, o.BreakerFailures, clock.GetTimestamp(),
            (long)(o.BreakerCooldown.TotalSeconds * clock.TimestampFrequency));
    }

    /// <summary><c>healthy</c>, <c>degraded</c> or <c>down</c>, as <see cref="Report"/> says it.</summary>
    public string Status(string provider) => State(provider).Report(clock.GetTimestamp()).Status;

    public IReadOnlyList<ProviderHealthReport> Report(IEnumerable<string> configured)
    {
        var now = clock.GetTimestamp();
        return configured.Union(states.Keys).Distinct().Order(StringComparer.Ordinal)
            .Select(p => State(p).Report(now)).ToList();
    }

    private ProviderState State(string provider) => states.GetOrAdd(provider, p => new ProviderState(p, Window));
}
