using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Data.Payouts;

/// <summary>One B2C payout to a merchant on the collection route (migration 0023).</summary>
public sealed record Payout
{
    public long Id { get; init; }
    public long MerchantId { get; init; }
    public long AmountCents { get; init; }

    public Money Amount => Money.FromCents(AmountCents);

    /// <summary>Where the money goes (PartyB): the merchant owner's MSISDN when it was recorded.</summary>
    public required string Phone { get; init; }
    public PayoutStatus Status { get; init; }

    /// <summary>Ours, under 20 characters, unique: Daraja's idempotency key for this payout.</summary>
    public required string OriginatorConversationId { get; init; }

    /// <summary>The Nairobi day (<c>yyyy-MM-dd</c>) a scheduled payout is for; null for a retry.</summary>
    public string? PayoutDay { get; init; }

    /// <summary>The failed payout this one retries.</summary>
    public long? RetryOf { get; init; }
    public string? ConversationId { get; init; }

    /// <summary>M-PESA's TransactionReceipt once paid (also the ledger entry's payout reference).</summary>
    public string? Receipt { get; init; }
    public string? ResultCode { get; init; }
    public string? ResultDescription { get; init; }
    public int SendAttempts { get; init; }
    public int StatusQueries { get; init; }
    public DateTimeOffset? NextCheckAt { get; init; }

    /// <summary><c>schedule</c>, or who retried it (<c>operator</c> for the API key).</summary>
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}
