namespace InvoiceFirst.Data.Events;

/// <summary>One row of the <c>events</c> table: what happened, to which ids, when. No personal data.</summary>
public sealed record LiveEvent
{
    public long Id { get; init; }
    public required string Type { get; init; }

    /// <summary>Null for an event of no merchant (a provider's health), which only the operator sees.</summary>
    public long? MerchantId { get; init; }
    public string? InvoiceId { get; init; }
    public long? PaymentId { get; init; }
    public long? OutboxId { get; init; }
    public string? Provider { get; init; }
    public string? Status { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}
