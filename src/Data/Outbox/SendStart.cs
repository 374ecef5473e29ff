namespace InvoiceFirst.Data.Outbox;

/// <summary>A send about to leave on <paramref name="Provider"/>, marked on its row if the row is still held under the lease it was claimed with.</summary>
public sealed record SendStart(long Id, DateTimeOffset? Lease, string Provider);
