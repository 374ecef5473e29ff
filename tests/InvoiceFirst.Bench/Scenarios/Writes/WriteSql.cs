using System.Globalization;

namespace InvoiceFirst.Bench.Scenarios.Writes;

/// <summary>The statements both write sets share: an inbound event, an outbox row's life, an event, a log line.</summary>
public static class WriteSql
{
    public static string Key(string prefix, int i) => prefix + i.ToString("D9", CultureInfo.InvariantCulture);

    public static Statement Inbox(string provider, string eventId, string kind, string conversation, DateTimeOffset now) => new("""
        INSERT INTO inbox (provider, provider_event_id, kind, conversation_key, payload, status, attempts, next_attempt_at, received_at)
        VALUES (@provider, @key, @kind, @conversation, '{}', 'PENDING', 0, @now, @now)
        ON CONFLICT (provider, provider_event_id) DO NOTHING RETURNING id
        """, ("provider", provider), ("key", eventId), ("kind", kind), ("conversation", conversation), ("now", now));

    public static Statement InboxDone(long id, DateTimeOffset now) =>
        new("UPDATE inbox SET status = 'DONE', processed_at = @now WHERE id = @id", ("id", id), ("now", now));

    public static Statement Outbox(string invoice, long merchant, string recipient, string purpose, string channel, string dedupe, DateTimeOffset now) => new("""
        INSERT INTO outbox (merchant_id, invoice_id, recipient, purpose, channel, payload, dedupe_key, status, attempts, next_attempt_at, virtual_at,
            created_at, updated_at)
        VALUES (@m, @i, @r, @purpose, @channel, '{}', @dedupe, 'PENDING', 0, @now, 0, @now, @now) RETURNING id
        """, ("m", merchant), ("i", invoice), ("r", recipient), ("purpose", purpose), ("channel", channel), ("dedupe", dedupe), ("now", now));

    /// <summary>Claim and start mark in one: the fewest writes before a request leaves.</summary>
    public static Statement MarkStarted(long outbox, string provider, DateTimeOffset lease, DateTimeOffset now) => new("""
        UPDATE outbox SET status = 'SENDING', locked_until = @lease, provider = @provider, send_started_at = @now, updated_at = @now
        WHERE id = @id AND status = 'PENDING' RETURNING id
        """, ("id", outbox), ("provider", provider), ("lease", lease), ("now", now));

    public static Statement Log(long outbox, string invoice, string channel, string provider, string providerMessageId, DateTimeOffset now) => new("""
        INSERT INTO message_log (outbox_id, invoice_id, channel, direction, event, provider, provider_message_id, status, created_at)
        VALUES (@o, @i, @channel, 'out', 'send', @provider, @pm, 'accepted', @now)
        """, ("o", outbox), ("i", invoice), ("channel", channel), ("provider", provider), ("pm", providerMessageId), ("now", now));

    public static Statement Sent(long outbox, string providerMessageId, DateTimeOffset lease, DateTimeOffset now) => new("""
        UPDATE outbox SET status = 'SENT', provider_message_id = @pm, sent_at = @now, locked_until = NULL, last_error = NULL, updated_at = @now
        WHERE id = @id AND status = 'SENDING' AND locked_until = @lease RETURNING id
        """, ("id", outbox), ("pm", providerMessageId), ("lease", lease), ("now", now));

    public static Statement Event(string type, string invoice, long? outbox, long merchant, string status, DateTimeOffset now) => new("""
        INSERT INTO events (type, invoice_id, outbox_id, status, occurred_at, merchant_id) VALUES (@type, @i, @o, @status, @now, @m)
        """, ("type", type), ("i", invoice), ("o", (object?)outbox ?? DBNull.Value), ("status", status), ("now", now), ("m", merchant));

    public static async Task<long> CountAsync(NpgsqlConnection c, string sql, string from, string to) =>
        await c.ExecuteScalarAsync<long>(sql, new { from, to });
}
