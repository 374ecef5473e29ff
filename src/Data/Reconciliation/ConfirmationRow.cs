namespace InvoiceFirst.Data.Reconciliation;

/// <summary>A Paybill/Till confirmation as reconciliation lists it.</summary>
public sealed record ConfirmationRow
{
    public long ConfirmationId { get; init; }
    public required string TransId { get; init; }
    public long AmountCents { get; init; }
    public required string Status { get; init; }
    public string? Reason { get; init; }
}
