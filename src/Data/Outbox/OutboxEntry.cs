namespace InvoiceFirst.Data.Outbox;

/// <summary>A message waiting to be sent, with everything the dispatcher needs.</summary>
public sealed record OutboxEntry
{
    public long Id { get; init; }
    public long? MerchantId { get; init; }
    public string? InvoiceId { get; init; }
    public required string Recipient { get; init; }
    public required OutboxPurpose Purpose { get; init; }
    public string? Channel { get; init; }
    public required string Payload { get; init; }
    public string? DedupeKey { get; init; }
    public OutboxStatus Status { get; init; } = OutboxStatus.Pending;
    public int Attempts { get; init; }
    public DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>Where the row stands in the fair claim (<see cref="VirtualTime"/>); set when it is queued.</summary>
    public long VirtualAt { get; init; }
    public string? Provider { get; init; }
    public string? ProviderMessageId { get; init; }

    /// <summary>Comma-separated providers given up on; <c>name?</c> marks an unknown outcome there.</summary>
    public string TriedProviders { get; init; } = "";

    public DateTimeOffset? SendStartedAt { get; init; }

    /// <summary>The claim's lease; every write that finishes the claim names it, so a claim that lost its row to another changes nothing.</summary>
    public DateTimeOffset? LockedUntil { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>
    /// The WhatsApp number it goes from: a merchant's own number's id, or null (or the shared id) for the shared
    /// <c>WhatsApp:PhoneNumberId</c>. Queued without one, a merchant's message takes the merchant's own number if it has one.
    /// </summary>
    public string? BusinessNumberId { get; init; }

    /// <summary>A message due now. The dedupe key makes queuing it a second time a no-op.</summary>
    public static OutboxEntry Due(string recipient, OutboxPurpose purpose, OutboundMessage message, string dedupeKey, DateTimeOffset now,
        long? merchantId = null, string? invoiceId = null, string? channel = null) => new()
    {
        MerchantId = merchantId,
        InvoiceId = invoiceId,
        Recipient = recipient,
        Purpose = purpose,
        Channel = channel,
        Payload = OutboxRepository.Serialize(message),
        DedupeKey = dedupeKey,
        NextAttemptAt = now,
        CreatedAt = now,
    };
}
