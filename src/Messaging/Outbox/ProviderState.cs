using InvoiceFirst.Messaging.Channels;
using Polly;
using Polly.CircuitBreaker;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>
/// One provider's breaker, which is Polly's, and its recent real sends. Polly's consecutive-count
/// breaker (its v7 API, shipped in the Polly package): Polly v8's only breaker opens on a failure
/// ratio over at least two calls, and ours opens after <c>Outbox:BreakerFailures</c> failed sends
/// in a row, one included. Callers hold no lock: this class locks itself.
/// </summary>
internal sealed class ProviderState(string provider, int window, int breakerFailures, TimeSpan breakerCooldown)
{
    private readonly Lock gate = new();
    private readonly Queue<(bool Ok, double LatencyMs)> recent = new();
    private int consecutiveFailures;

    // Outcomes only: an exception here means nothing reached the provider, so it says nothing about it.
    private readonly AsyncCircuitBreakerPolicy<SendResult> breaker = Policy<SendResult>
        .HandleResult(r => Trips(r.Outcome))
        .CircuitBreakerAsync(breakerFailures, breakerCooldown);

    /// <summary>Polly reports <see cref="CircuitState.HalfOpen"/> as soon as the cool-down is over.</summary>
    public CircuitState Breaker => breaker.CircuitState;

    /// <summary>Throws <see cref="BrokenCircuitException"/> without calling <paramref name="request"/> while the breaker refuses sends.</summary>
    public Task<SendResult> ExecuteAsync(Func<Task<SendResult>> request) => breaker.ExecuteAsync(request);

    public void Record(SendOutcome outcome, double latencyMs)
    {
        // The provider working and a person being unreachable is still a working provider.
        var ok = outcome is SendOutcome.Accepted or SendOutcome.Unreachable;
        lock (gate)
        {
            recent.Enqueue((ok, latencyMs));
            while (recent.Count > window) recent.Dequeue();
            consecutiveFailures = Trips(outcome) ? consecutiveFailures + 1 : 0;
        }
    }

    public ProviderHealthReport Report()
    {
        var state = Breaker;
        lock (gate)
        {
            var n = recent.Count;
            double? rate = n == 0 ? null : recent.Count(r => r.Ok) / (double)n;
            var latencies = recent.Select(r => r.LatencyMs).Order().ToArray();
            var status = state is CircuitState.Open or CircuitState.Isolated ? "down"
                : state == CircuitState.HalfOpen || rate < 0.9 || consecutiveFailures > 0 ? "degraded"
                : "healthy";
            return new ProviderHealthReport(provider, status, state.ToString().ToLowerInvariant(), n, rate,
                Percentile(latencies, 0.50), Percentile(latencies, 0.95), consecutiveFailures);
        }
    }

    /// <summary>What counts against a provider: it asked us to come back later, or it never answered.</summary>
    private static bool Trips(SendOutcome outcome) => outcome is SendOutcome.RetryLater or SendOutcome.Unknown;

    private static double? Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? null : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)], 1);
}
