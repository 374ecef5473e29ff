namespace InvoiceFirst.Bot.Reconciliation;

/// <summary>Settings of the <c>Reconciliation</c> section: the daily job and the merchants' evening summary.</summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Reconciliation";

    public bool Enabled { get; set; } = true;

    /// <summary>Nairobi hour (0–23) from which the day is reconciled and summaries go out.</summary>
    public int SummaryHour { get; set; } = 20;

    public int CheckIntervalSeconds { get; set; } = 60;
}
