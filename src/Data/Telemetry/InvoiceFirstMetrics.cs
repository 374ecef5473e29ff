using Prometheus;

namespace InvoiceFirst.Data.Telemetry;

/// <summary>
/// The product's own metrics, exported at /metrics. Labels carry provider names, outcomes and
/// results only: never numbers, names or amounts.
/// </summary>
public static class InvoiceFirstMetrics
{
    public static readonly Counter WebhookEvents = Metrics.CreateCounter("invoicefirst_webhook_events_total",
        "Webhook events by provider and outcome (stored, duplicate, unavailable)", "provider", "outcome");

    public static readonly Counter Sends = Metrics.CreateCounter("invoicefirst_sends_total",
        "Provider send attempts by provider and outcome", "provider", "outcome");

    public static readonly Counter StkPushes = Metrics.CreateCounter("invoicefirst_stk_pushes_total",
        "STK push requests by result (accepted, rejected, unknown)", "result");

    public static readonly Counter Settlements = Metrics.CreateCounter("invoicefirst_settlements_total",
        "Payment outcomes applied, by result (success, failed, cancelled, needs_review)", "result");

    public static readonly Counter NestedConnections = Metrics.CreateCounter("invoicefirst_db_nested_connections_total",
        "Pooled connections opened while the same flow held another in a transaction (each one can deadlock the pool under load)");

    public static readonly Gauge OutboxDepth = Metrics.CreateGauge("invoicefirst_outbox_depth",
        "Messages waiting to be sent (pending or being sent)");

    public static readonly Gauge OutboxOldestAge = Metrics.CreateGauge("invoicefirst_outbox_oldest_age_seconds",
        "Age of the oldest message still waiting to be sent");
}
