using InvoiceFirst.Data.Payments;
namespace InvoiceFirst.Data.Reconciliation;

public sealed record PaymentRow
{
    public long PaymentId { get; init; }
    public string? InvoiceId { get; init; }
    public long? MerchantId { get; init; }
    public string? MpesaReceipt { get; init; }
    public long AmountCents { get; init; }
    public required PaymentStatus Status { get; init; }
}
