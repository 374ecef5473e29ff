using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Data.Ledger;

/// <summary>
/// One movement on a merchant's ledger. <see cref="AmountCents"/> is signed (credits positive, fees and payouts
/// negative) so a balance is the plain sum of its entries.
/// </summary>
public sealed record LedgerEntry
{
    public long Id { get; init; }
    public long MerchantId { get; init; }
    public LedgerEntryKind Kind { get; init; }
    public long AmountCents { get; init; }

    public Money Amount => Money.FromCents(AmountCents);

    /// <summary>The payment a credit or fee is for; null for a payout.</summary>
    public long? PaymentId { get; init; }

    /// <summary>The M-PESA reference of a payout; null otherwise.</summary>
    public string? PayoutReference { get; init; }
    public string? Note { get; init; }

    /// <summary><c>settlement</c> for credits and fees; who recorded a payout (<c>operator</c> for the API key).</summary>
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The invoice a credit's or fee's payment paid, when read with it (<see cref="LedgerRepository.ListAsync"/>).</summary>
    public string? InvoiceNumber { get; init; }
}
