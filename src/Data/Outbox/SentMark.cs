namespace InvoiceFirst.Data.Outbox;

/// <summary>A send the provider accepted, to be recorded on its row if the row is still held under the lease it was claimed with.</summary>
public sealed record SentMark(long Id, DateTimeOffset? Lease, string Provider, string? ProviderMessageId);
