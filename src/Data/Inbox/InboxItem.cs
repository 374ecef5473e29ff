namespace InvoiceFirst.Data.Inbox;

public sealed record InboxItem
{
    public long Id { get; init; }
    public required string Provider { get; init; }
    public required string ProviderEventId { get; init; }
    public required string Kind { get; init; }
    public required string ConversationKey { get; init; }
    public required string Payload { get; init; }
    public int Attempts { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}
