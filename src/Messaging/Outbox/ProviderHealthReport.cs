namespace InvoiceFirst.Messaging.Outbox;

/// <summary>One provider's health from its recent real sends. Status: <c>healthy</c>, <c>degraded</c> or <c>down</c>.</summary>
public sealed record ProviderHealthReport(
    string Provider,
    string Status,
    string Breaker,
    int Samples,
    double? SuccessRate,
    double? LatencyP50Ms,
    double? LatencyP95Ms,
    int ConsecutiveFailures);
