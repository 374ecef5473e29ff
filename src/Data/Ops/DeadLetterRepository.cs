using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Outbox;

namespace InvoiceFirst.Data.Ops;

/// <summary>The operator's view of dead letters, and the one way back: a retry that takes once.</summary>
public sealed class DeadLetterRepository(Db db)
{
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken ct)
    {
        const string sql = """
            SELECT o.id, o.merchant_id, m.name AS merchant_name, o.purpose, o.channel, o.provider, o.recipient, o.last_error,
                   o.tried_providers, o.created_at, o.updated_at
            FROM outbox o LEFT JOIN merchants m ON m.id = o.merchant_id
            WHERE o.status = 'DEAD'
            ORDER BY o.updated_at DESC, o.id DESC LIMIT @limit
            """;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<DeadLetter>(new CommandDefinition(sql, new { limit }, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// Puts a dead letter back in the queue, due now, on every channel again. A conditional update: true once;
    /// a second press (or a replayed form) finds the row no longer dead and changes nothing.
    /// </summary>
    public async Task<bool> RetryAsync(long id, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE outbox SET status = 'PENDING', attempts = 0, tried_providers = '', next_attempt_at = @now,
                virtual_at = CASE WHEN virtual_at > @virtualNow THEN virtual_at ELSE @virtualNow END,
                locked_until = NULL, send_started_at = NULL, updated_at = @now
            WHERE id = @id AND status = 'DEAD'
            """;
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id, now, virtualNow = VirtualTime.Of(now) }, cancellationToken: ct)) == 1;
    }
}
