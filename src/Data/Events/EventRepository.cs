using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Events;

/// <summary>
/// The events table behind <c>GET /events</c>. An event is written in the transaction of the
/// change it describes, so it exists exactly when the change does; its id is the SSE id.
/// </summary>
public sealed class EventRepository(Db db)
{
    private const string Columns = "id, type, invoice_id, payment_id, outbox_id, provider, status, occurred_at";

    // Arbitrary but fixed, and different from the migration lock.
    private const long WriterLockKey = 0x1F_0A_CE_E7;

    /// <summary>Records an event in the caller's transaction (for example <see cref="EventTypes.InvoiceExpired"/>).</summary>
    public static async Task AddAsync(DbConnection connection, DbTransaction transaction, string type, DateTimeOffset now,
        string? invoiceId = null, long? paymentId = null, long? outboxId = null, string? provider = null, string? status = null,
        CancellationToken ct = default)
    {
        if (connection is Npgsql.NpgsqlConnection)
        {
            // Identity values are handed out at insert but become visible at commit, in any order; a
            // reader at "id > 41" would skip a 42 that commits after 43. Writers of events take turns
            // until commit, so ids become visible in order and Last-Event-ID never leaves a gap.
            const string lockSql = "SELECT pg_advisory_xact_lock(@key)";
            await connection.ExecuteAsync(new CommandDefinition(lockSql, new { key = WriterLockKey }, transaction, cancellationToken: ct));
        }

        const string sql = """
            INSERT INTO events (type, invoice_id, payment_id, outbox_id, provider, status, occurred_at)
            VALUES (@type, @invoiceId, @paymentId, @outboxId, @provider, @status, @now)
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql,
            new { type, invoiceId, paymentId, outboxId, provider, status, now }, transaction, cancellationToken: ct));
    }

    /// <summary>An event with no change of its own to ride on (a provider's health turning).</summary>
    public Task AddAsync(string type, DateTimeOffset now, string? provider, string? status, CancellationToken ct) =>
        db.InTransactionAsync((c, t) => AddAsync(c, t, type, now, provider: provider, status: status, ct: ct), ct);

    public async Task<IReadOnlyList<LiveEvent>> ListAfterAsync(long afterId, int limit, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM events WHERE id > @afterId ORDER BY id LIMIT @limit";
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<LiveEvent>(new CommandDefinition(sql, new { afterId, limit }, cancellationToken: ct))).AsList();
    }

    public async Task<long> LastIdAsync(CancellationToken ct)
    {
        const string sql = "SELECT COALESCE(MAX(id), 0) FROM events";
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: ct));
    }
}
