namespace InvoiceFirst.Bot.Reconciliation;

/// <summary>
/// One thing M-PESA and the invoices disagree on. <see cref="Kind"/> is one of
/// <c>receipt_without_invoice</c>, <c>invoice_paid_without_receipt</c>, <c>amount_difference</c>, <c>needs_review</c>,
/// <c>c2b_unverified</c> (a Paybill confirmation M-PESA has not confirmed yet) or <c>c2b_rejected</c>
/// (one it denied, or that described another payment: never money, never told to the merchant), or
/// <c>unreadable_callback</c> (an authenticated provider body we could not fully read, kept for a person).
/// </summary>
public sealed record ReconciliationDifference(
    string Kind,
    long? MerchantId,
    string? InvoiceId,
    string? InvoiceNumber,
    long? PaymentId,
    string? MpesaReceipt,
    long? ReceivedCents,
    long? RecordedCents,
    string? Reason = null);
