namespace InvoiceFirst.Payments.Ledger;

/// <summary>
/// The operator's fee on money collected for a merchant (section <c>Platform</c>, beside <c>CollectionEnabled</c>).
/// Both 0 by default: no fee.
/// </summary>
public sealed class LedgerOptions
{
    public const string Section = "Platform";

    /// <summary>Percent of each collected payment kept as the operator's fee, 0 to 100 (e.g. <c>1.5</c>).</summary>
    public decimal FeePercent { get; set; }

    /// <summary>Largest fee on one payment in whole shillings; 0: no cap.</summary>
    public long FeeCapKes { get; set; }
}
