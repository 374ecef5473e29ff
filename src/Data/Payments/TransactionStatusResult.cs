namespace InvoiceFirst.Data.Payments;

/// <summary>What Daraja posted to a Transaction Status ResultURL, read leniently (spec 4.7).</summary>
public sealed record TransactionStatusResult(
    string ResultCode,
    string ResultDesc,
    string? ReceiptNo,
    string? Amount,
    string? TransactionStatus,
    string? CreditPartyName);
