using InvoiceFirst.Messaging.Channels;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>Recent outcomes and the breaker of one provider. Callers hold no lock: this class locks itself.</summary>
internal sealed class ProviderState(string provider, int window)
{
    private readonly Lock gate = new();
    private readonly Queue<(bool Ok, double LatencyMs)> recent = new();
    private int consecutiveFailures;
    private BreakerState breaker = BreakerState.Closed;
    private long openUntil;
    private bool trialInFlight;

    /// <summary>False while the breaker is open; after the cool-down one trial send is let through.</summary>
    public bool TryEnter(long now)
    {
        lock (gate)
        {
            if (breaker == BreakerState.Closed) return true;
            if (breaker == BreakerState.Open && now < openUntil) return false;
            if (trialInFlight) return false;
            breaker = BreakerState.HalfOpen;
            trialInFlight = true;
            return true;
        }
    }

    public void Record(SendOutcome outcome, double latencyMs, int breakerFailures, long now, long cooldownTicks)
    {
        // The provider working and a person being unreachable is still a working provider.
        var ok = outcome is SendOutcome.Accepted or SendOutcome.Unreachable;
        var trips = outcome is SendOutcome.RetryLater or SendOutcome.Unknown;
        lock (gate)
        {
            recent.Enqueue((ok, latencyMs));
            while (recent.Count > window) recent.Dequeue();
            trialInFlight = false;
            if (!trips)
            {
                consecutiveFailures = 0;
                breaker = BreakerState.Closed;
                return;
            }
            consecutiveFailures++;
            if (breaker == BreakerState.HalfOpen || consecutiveFailures >= breakerFailures)
            {
                breaker = BreakerState.Open;
                openUntil = now + cooldownTicks;
            }
        }
    }

    public ProviderHealthReport Report(long now)
    {
        lock (gate)
        {
            var state = breaker == BreakerState.Open && now >= openUntil ? BreakerState.HalfOpen : breaker;
            var n = recent.Count;
            double? rate = n == 0 ? null : recent.Count(r => r.Ok) / (double)n;
            var latencies = recent.Select(r => r.LatencyMs).Order().ToArray();
            var status = state == BreakerState.Open ? "down"
                : state == BreakerState.HalfOpen || rate < 0.9 || consecutiveFailures > 0 ? "degraded"
                : "healthy";
            return new ProviderHealthReport(provider, status, state.ToString().ToLowerInvariant(), n, rate,
                Percentile(latencies, 0.50), Percentile(latencies, 0.95), consecutiveFailures);
        }
    }

    private static double? Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? null : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)], 1);
}
