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
    /// Claims up to <paramref name="limit"/> due rows, taking the oldest of each merchant in turn
    /// so one merchant's burst cannot starve the others.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> ClaimAsync(int limit, DateTimeOffset now, DateTimeOffset lockedUntil, CancellationToken ct)
    {
        // PostgreSQL forbids FOR UPDATE next to window functions: lock a candidate set first, rank it outside.
        var sql = $"""
            UPDATE outbox SET status = 'SENDING', locked_until = @lockedUntil, send_started_at = NULL, updated_at = @now
            WHERE id IN (
                SELECT id FROM (
                    SELECT id, next_attempt_at, ROW_NUMBER() OVER (PARTITION BY merchant_id ORDER BY next_attempt_at, id) AS turn
                    FROM (
                        SELECT id, merchant_id, next_attempt_at FROM outbox
                        WHERE status = 'PENDING' AND next_attempt_at <= @now
                        ORDER BY next_attempt_at, id LIMIT @candidates {db.ForUpdateSkipLocked}
                    ) candidates
                ) ranked
                ORDER BY turn, next_attempt_at, id LIMIT @limit
            ) AND status = 'PENDING'
            RETURNING {Columns}
            """;
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<OutboxEntry>(new CommandDefinition(sql,
            new { limit, candidates = limit * 10, now, lockedUntil }, cancellationToken: ct));
        return rows.OrderBy(r => r.NextAttemptAt).ThenBy(r => r.Id).ToList();
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

    /// <summary>Back to the queue at <paramref name="nextAttemptAt"/>, on the same or the next provider.</summary>
    public async Task<bool> RescheduleAsync(long id, DateTimeOffset? lease, int attempts, string triedProviders, DateTimeOffset nextAttemptAt,
        string? lastError, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE outbox SET status = 'PENDING', attempts = @attempts, tried_providers = @triedProviders,
                next_attempt_at = @nextAttemptAt, last_error = @lastError, locked_until = NULL, send_started_at = NULL, updated_at = @now
            WHERE id = @id AND status = 'SENDING' AND locked_until = @lease
            """;
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql,
            new { id, lease, attempts, triedProviders, nextAttemptAt, lastError, now }, cancellationToken: ct)) == 1;
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
                locked_until = NULL, send_started_at = NULL, updated_at = @now
            WHERE id = @id AND status = 'FAILED'
            """;
        return await c.ExecuteAsync(new CommandDefinition(sql, new { id, triedProviders, now }, t, cancellationToken: ct)) == 1;
    }
}
