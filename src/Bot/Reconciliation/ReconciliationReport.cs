namespace InvoiceFirst.Bot.Reconciliation;

/// <summary>The day (Nairobi) and every difference found for it.</summary>
public sealed record ReconciliationReport(DateOnly Date, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ReconciliationDifference> Differences)
{
    public bool Balanced => Differences.Count == 0;
}
