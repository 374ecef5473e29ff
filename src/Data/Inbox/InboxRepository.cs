using System.Data.Common;
using System.Text.Json;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Inbox;

/// <summary>
/// Received provider events. A webhook is acknowledged only after its events are here; the
/// unique (provider, provider_event_id) key absorbs every redelivery.
/// </summary>
public sealed class InboxRepository(Db db)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stores the events in one transaction; returns how many were new.</summary>
    public async Task<int> StoreAsync(IReadOnlyList<InboundEvent> events, DateTimeOffset now, CancellationToken ct)
    {
        if (events.Count == 0) return 0;
        const string sql = """
            INSERT INTO inbox (provider, provider_event_id, kind, conversation_key, payload, status, attempts, next_attempt_at, received_at)
            VALUES (@provider, @eventId, @kind, @conversationKey, @payload, 'PENDING', 0, @now, @now)
            ON CONFLICT (provider, provider_event_id) DO NOTHING
            """;
        var rows = events.Select(e => new
        {
            provider = e.Provider,
            eventId = e.EventId,
            kind = e.Kind.ToString(),
            conversationKey = ConversationKey(e),
            payload = JsonSerializer.Serialize(e, Json),
            now,
        });
        if (events.Count > 1)
            return await db.InTransactionAsync(
                (c, t) => c.ExecuteAsync(new CommandDefinition(sql, rows, t, cancellationToken: ct)), ct);
        // Most webhooks carry one event: one statement is atomic by itself, and a round trip shorter.
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, rows.Single(), cancellationToken: ct));
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> of the oldest due events, each the earliest unfinished one of its
    /// conversation, so a conversation's events are handled strictly in order (a batch holds at most one event of
    /// each) while different conversations proceed in parallel. The rows stay locked until the caller's
    /// transaction ends; other workers skip them.
    /// "Earliest of its conversation" must stay a lookup per candidate in the conversation index. PostgreSQL turns a plain
    /// <c>NOT EXISTS</c> into an anti-join, and with statistics taken while every event was done it read every pending
    /// event for each candidate: a claim of 16 over a burst of 5,000 read 80,000 rows (14–27 ms), so a burst slowed its
    /// own draining. <c>OFFSET 0</c> keeps the subquery a per-row lookup whatever the statistics say.
    /// </summary>
    public async Task<IReadOnlyList<InboxItem>> ClaimAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset now, int limit,
        CancellationToken ct)
    {
        var sql = $"""
            SELECT id, provider, provider_event_id, kind, conversation_key, payload, attempts, received_at
            FROM inbox i
            WHERE i.status = 'PENDING' AND i.next_attempt_at <= @now
              AND NOT EXISTS (SELECT 1 FROM inbox e
                              WHERE e.conversation_key = i.conversation_key AND e.status = 'PENDING' AND e.id < i.id
                              {(db.IsPostgres ? "OFFSET 0" : "")})
            ORDER BY i.next_attempt_at, i.id
            LIMIT @limit
            {db.ForUpdateSkipLocked}
            """;
        return (await connection.QueryAsync<InboxItem>(new CommandDefinition(sql, new { now, limit }, transaction, cancellationToken: ct))).AsList();
    }

    public Task MarkDoneAsync(DbConnection connection, DbTransaction transaction, IEnumerable<long> ids, DateTimeOffset now, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE inbox SET status = 'DONE', processed_at = @now WHERE id {db.IsOneOf("ids")}",
            new { ids = ids.ToArray(), now }, transaction, cancellationToken: ct));

    /// <summary>Records a failed attempt: retried at <paramref name="retryAt"/>, or FAILED for inspection when null.</summary>
    public static Task RecordFailureAsync(DbConnection connection, DbTransaction transaction, long id, string error, DateTimeOffset? retryAt,
        DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE inbox SET attempts = attempts + 1, last_error = @error,
                status = CASE WHEN @failed THEN 'FAILED' ELSE 'PENDING' END,
                next_attempt_at = @next, processed_at = CASE WHEN @failed THEN @now ELSE NULL END
            WHERE id = @id AND status = 'PENDING'
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql,
            new { id, error = Truncate(error, 500), failed = retryAt is null, next = retryAt ?? now, now }, transaction, cancellationToken: ct));
    }

    /// <summary>Events of one person are ordered; statuses and payments have their own lanes.</summary>
    public static string ConversationKey(InboundEvent e) => e switch
    {
        DeliveryReport report => $"status:{report.MessageId}",
        PaymentCallback => $"payment:{e.EventId}",
        ChatEvent chat => $"chat:{chat.From}",
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "Not an inbox event"),
    };

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
