namespace InvoiceFirst.Data.Stats;

/// <summary>Invoices created in a period, by what became of them, and their money.</summary>
public sealed record InvoiceCounts
{
    public long Created { get; init; }
    public long Sent { get; init; }
    public long Paid { get; init; }
    public long PartiallyPaid { get; init; }
    public long Failed { get; init; }
    public long Cancelled { get; init; }
    public long Expired { get; init; }
    public long InvoicedCents { get; init; }
    public long CollectedCents { get; init; }
}
