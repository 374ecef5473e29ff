namespace InvoiceFirst.Data.Retention;

public sealed record RetentionCounts(int InboxEvents, int OutboxRows, int Conversations, int MessageLogRows);
