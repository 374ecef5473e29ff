using System.Collections.Concurrent;
using InvoiceFirst.Messaging.Channels;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>
/// Per provider, the one circuit breaker its sends pass (Polly's) and its health from real sends
/// over a sliding window of the last ones. The breaker opens after
/// <see cref="OutboxOptions.BreakerFailures"/> "retry later" or unknown outcomes in a row and lets
/// one trial through after <see cref="OutboxOptions.BreakerCooldown"/>. Per instance, in memory: it
/// is a view of what this instance saw, not shared state.
/// </summary>
public sealed class ProviderHealth(IOptions<OutboxOptions> options)
{
    public const int Window = 100;

    private readonly ConcurrentDictionary<string, ProviderState> states = new();

    /// <summary>True while the breaker refuses every send; false again once its cool-down is over.</summary>
    public bool IsOpen(string provider) => State(provider).Breaker is CircuitState.Open or CircuitState.Isolated;

    /// <summary>
    /// Runs one provider request inside the provider's breaker, which counts its outcome. Throws
    /// <see cref="BrokenCircuitException"/>, having sent nothing, while the breaker refuses sends.
    /// </summary>
    public Task<SendResult> ExecuteAsync(string provider, Func<Task<SendResult>> request) => State(provider).ExecuteAsync(request);

    /// <summary>Adds one send that reached the provider to the health window.</summary>
    public void Record(string provider, SendOutcome outcome, TimeSpan latency) =>
        State(provider).Record(outcome, latency.TotalMilliseconds);

    /// <summary><c>healthy</c>, <c>degraded</c> or <c>down</c>, as <see cref="Report"/> says it.</summary>
    public string Status(string provider) => State(provider).Report().Status;

    public IReadOnlyList<ProviderHealthReport> Report(IEnumerable<string> configured) =>
        configured.Union(states.Keys).Distinct().Order(StringComparer.Ordinal).Select(p => State(p).Report()).ToList();

    private ProviderState State(string provider) => states.GetOrAdd(provider,
        p => new ProviderState(p, Window, options.Value.BreakerFailures, options.Value.BreakerCooldown));
}
