using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Outbox;

/// <summary>
/// The dispatcher's side of the outbox: claiming due rows under a lease, recording that a send
/// started, and each way a send can end. Every change is conditional on the row still being in
/// the state this instance put it in, so a row reclaimed elsewhere is never overwritten.
/// </summary>
public sealed class OutboxDispatchRepository(Db db)
{
    private const string Columns = OutboxRepository.Columns;

    /// <summary>
    /// Claims up to <paramref name="limit"/> due rows in virtual-time order (see <see cref="OutboxRepository.EnqueueAsync"/>):
    /// a merchant's burst is spread out ahead, so another merchant's message is not kept waiting behind it,
    /// and one merchant's rows keep their order. One index scan, no ranking.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> ClaimAsync(int limit, DateTimeOffset now, DateTimeOffset lockedUntil, CancellationToken ct)
    {
        // Materialized: as a plain IN (…) PostgreSQL may run the locking subquery again per row and claim past the limit.
        var sql = $"""
            WITH picked AS MATERIALIZED (
                SELECT id AS picked_id FROM outbox
                WHERE status = 'PENDING' AND next_attempt_at <= @now
                ORDER BY virtual_at, id LIMIT @limit {db.ForUpdateSkipLocked}
            )
            UPDATE outbox SET status = 'SENDING', locked_until = @lockedUntil, send_started_at = NULL, updated_at = @now
            FROM picked WHERE outbox.id = picked.picked_id AND outbox.status = 'PENDING'
            RETURNING {Columns}
            """;
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<OutboxEntry>(new CommandDefinition(sql,
            new { limit, now, lockedUntil }, cancellationToken: ct));
        return rows.OrderBy(r => r.VirtualAt).ThenBy(r => r.Id).ToList();
    }

    /// <summary>Rows whose lease ran out before their send started never left: they simply go back to the queue.</summary>
    public async Task<int> ReleaseExpiredUnstartedAsync(DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE outbox SET status = 'PENDING', locked_until = NULL, updated_at = @now
            WHERE status = 'SENDING' AND locked_until < @now AND send_started_at IS NULL
            """;
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { now }, cancellationToken: ct));
    }

    /// <summary>
    /// Rows whose lease ran out after their send started: the outcome is unknown. Each comes with the
    /// lease it expired under, so resolving it changes nothing once another instance resolved or re-claimed it.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> ListExpiredStartedAsync(DateTimeOffset now, CancellationToken ct)
    {
        const string sql = $"""
            SELECT {Columns} FROM outbox
            WHERE status = 'SENDING' AND locked_until < @now AND send_started_at IS NOT NULL
            ORDER BY id LIMIT 100
            """;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<OutboxEntry>(new CommandDefinition(sql, new { now }, cancellationToken: ct))).AsList();
    }

    /// <summary>Written before the provider call; false when the row is no longer ours.</summary>
    public async Task<bool> MarkStartedAsync(long id, DateTimeOffset? lease, string provider, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE outbox SET provider = @provider, send_started_at = @now, updated_at = @now
            WHERE id = @id AND status = 'SENDING' AND locked_until = @lease
            """;
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id, lease, provider, now }, cancellationToken: ct)) == 1;
    }

    public static async Task<bool> MarkSentAsync(DbConnection c, DbTransaction t, long id, DateTimeOffset? lease, string provider, string? providerMessageId,
        DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE outbox SET status = 'SENT', provider = @provider, provider_message_id = @providerMessageId, sent_at = @now,
                locked_until = NULL, last_error = NULL, updated_at = @now
            WHERE id = @id AND status = 'SENDING' AND locked_until = @lease
            """;
        return await c.ExecuteAsync(new CommandDefinition(sql, new { id, lease, provider, providerMessageId, now }, t, cancellationToken: ct)) == 1;
    }

    /// <summary>
    /// Back to the queue at <paramref name="nextAttemptAt"/>, on the same or the next provider. It keeps its
    /// place in virtual time unless the retry is later: a row waiting out a backoff then sits behind the due
    /// rows the claim scans first, not in front of them.
    /// </summary>
    public async Task<bool> RescheduleAsync(long id, DateTimeOffset? lease, int attempts, string triedProviders, DateTimeOffset nextAttemptAt,
        string? lastError, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE outbox SET status = 'PENDING', attempts = @attempts, tried_providers = @triedProviders,
                next_attempt_at = @nextAttemptAt, virtual_at = CASE WHEN virtual_at > @retryAt THEN virtual_at ELSE @retryAt END,
                last_error = @lastError, locked_until = NULL, send_started_at = NULL, updated_at = @now
            WHERE id = @id AND status = 'SENDING' AND locked_until = @lease
            """;
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql,
            new { id, lease, attempts, triedProviders, nextAttemptAt, retryAt = VirtualTime.Of(nextAttemptAt), lastError, now }, cancellationToken: ct)) == 1;
    }

    public static async Task<bool> MarkDeadAsync(DbConnection c, DbTransaction t, long id, DateTimeOffset? lease, string triedProviders, string reason,
        DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE outbox SET status = 'DEAD', tried_providers = @triedProviders, last_error = @reason,
                locked_until = NULL, updated_at = @now
            WHERE id = @id AND status = 'SENDING' AND locked_until = @lease
            """;
        return await c.ExecuteAsync(new CommandDefinition(sql, new { id, lease, triedProviders, reason, now }, t, cancellationToken: ct)) == 1;
    }

    /// <summary>After a 'failed' delivery report: the message goes again, the next way, once.</summary>
    public static async Task<bool> RequeueFailedAsync(DbConnection c, DbTransaction t, long id, string triedProviders,
        DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE outbox SET status = 'PENDING', attempts = 0, tried_providers = @triedProviders, next_attempt_at = @now,
                virtual_at = CASE WHEN virtual_at > @virtualNow THEN virtual_at ELSE @virtualNow END,
                locked_until = NULL, send_started_at = NULL, updated_at = @now
            WHERE id = @id AND status = 'FAILED'
            """;
        return await c.ExecuteAsync(new CommandDefinition(sql, new { id, triedProviders, now, virtualNow = VirtualTime.Of(now) }, t, cancellationToken: ct)) == 1;
    }
}
