using InvoiceFirst.Data.Domain;
namespace InvoiceFirst.Data.C2b;

/// <summary>
/// A Paybill/Till confirmation as it was posted to us. It is not money until Daraja's Transaction
/// Status API confirms it; then it points at the payment it became.
/// </summary>
public sealed record C2bConfirmation
{
    public long Id { get; init; }

    /// <summary>The M-PESA receipt the confirmation claims.</summary>
    public required string TransId { get; init; }
    public long AmountCents { get; init; }

    public Money Amount => Money.FromCents(AmountCents);
    public required string ShortCode { get; init; }

    /// <summary>The account the payer typed (BillRefNumber), as they typed it.</summary>
    public required string Account { get; init; }

    /// <summary>How to name the payer to the merchant: first name, else the masked number.</summary>
    public required string Payer { get; init; }
    public required string Raw { get; init; }
    public string Status { get; init; } = C2bConfirmationStatus.Received;
    public string? Reason { get; init; }
    public long? PaymentId { get; init; }
    public int QueryAttempts { get; init; }
    public DateTimeOffset? NextQueryAt { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
