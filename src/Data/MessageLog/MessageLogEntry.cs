namespace InvoiceFirst.Data.MessageLog;

/// <summary>Delivery metadata only: never text, phone numbers, names or amounts.</summary>
public sealed record MessageLogEntry
{
    public long? OutboxId { get; init; }
    public string? InvoiceId { get; init; }
    public required string Channel { get; init; }
    public required string Direction { get; init; }
    public required string Event { get; init; }
    public string? Provider { get; init; }
    public string? ProviderMessageId { get; init; }
    public string? Status { get; init; }
    public string? ErrorCode { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
