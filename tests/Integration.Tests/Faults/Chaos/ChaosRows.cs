namespace InvoiceFirst.Integration.Tests.Faults.Chaos;

/// <summary>What the checker reads back from the database, column for column.</summary>
public static class ChaosRows
{
    public const string InvoicesSql = """
        SELECT id AS Id, description AS Description, msisdn AS Msisdn, amount_cents AS AmountCents,
               amount_paid_cents AS AmountPaidCents, status AS Status
        FROM invoices ORDER BY created_at
        """;

    public const string PaymentsSql = """
        SELECT id AS Id, invoice_id AS InvoiceId, status AS Status, amount_cents AS AmountCents, idempotency_key AS IdempotencyKey,
               callback_token AS CallbackToken, mpesa_receipt AS MpesaReceipt, push_started_at IS NOT NULL AS Pushed
        FROM payments WHERE method = 'STK'
        """;

    public const string OutboxSql = """
        SELECT id AS Id, recipient AS Recipient, purpose AS Purpose, dedupe_key AS DedupeKey, status AS Status, provider AS Provider,
               provider_message_id AS ProviderMessageId, tried_providers AS TriedProviders, last_error AS LastError,
               payload AS Payload
        FROM outbox
        """;

    public const string InboxSql = "SELECT provider AS Provider, provider_event_id AS EventId, status AS Status FROM inbox";

    public const string StatusLogSql = """
        SELECT provider_message_id AS ProviderMessageId, status AS Status FROM message_log WHERE event = 'status'
        """;

    public sealed record Invoice(string Id, string Description, string Msisdn, long AmountCents, long AmountPaidCents, string Status);

    public sealed record Payment(long Id, string? InvoiceId, string Status, long AmountCents, string IdempotencyKey, string? CallbackToken,
        string? MpesaReceipt, bool Pushed);

    public sealed record Outbox(long Id, string Recipient, string Purpose, string? DedupeKey, string Status, string? Provider,
        string? ProviderMessageId, string TriedProviders, string? LastError, string Payload);

    public sealed record Inbox(string Provider, string EventId, string Status);

    public sealed record StatusLog(string? ProviderMessageId, string? Status);
}
