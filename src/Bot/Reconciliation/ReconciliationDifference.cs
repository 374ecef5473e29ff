namespace InvoiceFirst.Bot.Reconciliation;

/// <summary>
/// One thing M-PESA and the invoices disagree on. <see cref="Kind"/> is one of
/// <c>receipt_without_invoice</c>, <c>invoice_paid_without_receipt</c>, <c>amount_difference</c>, <c>needs_review</c>.
/// </summary>
public sealed record ReconciliationDifference(
    string Kind,
    long? MerchantId,
    string? InvoiceId,
    string? InvoiceNumber,
    long? PaymentId,
    string? MpesaReceipt,
    long? ReceivedCents,
    long? RecordedCents);
