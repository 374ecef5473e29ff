namespace InvoiceFirst.Bot.Hosting;

/// <summary>Settings of section <c>Metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Bearer key Prometheus scrapes /metrics with. Unset: the operator's <c>Api:Key</c>.</summary>
    public string? Key { get; set; }
}
