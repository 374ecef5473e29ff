using InvoiceFirst.Data.Invoices;
namespace InvoiceFirst.Data.Reconciliation;

/// <summary>An invoice's recorded money next to what its successful payments add up to.</summary>
public sealed record InvoiceMoneyRow
{
    public required string InvoiceId { get; init; }
    public required string InvoiceNumber { get; init; }
    public long MerchantId { get; init; }
    public required InvoiceStatus Status { get; init; }
    public long RecordedCents { get; init; }
    public long ReceivedCents { get; init; }
    public long SuccessfulPayments { get; init; }
}
