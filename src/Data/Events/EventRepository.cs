using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Events;

/// <summary>
/// The events table behind <c>GET /events</c>. An event is written in the transaction of the
/// change it describes, so it exists exactly when the change does. Its SSE id is <c>seq</c>, its place
/// in commit order: a reader resuming after the last id it saw never skips one committed later.
/// </summary>
public sealed class EventRepository(Db db)
{
    // seq, not id: the number an event gets at commit (migration 0006), so SSE ids become visible in order.
    private const string Columns = "seq AS id, type, invoice_id, payment_id, outbox_id, provider, status, occurred_at";

    /// <summary>Records an event in the caller's transaction (for example <see cref="EventTypes.InvoiceExpired"/>).</summary>
    public static async Task AddAsync(DbConnection connection, DbTransaction transaction, string type, DateTimeOffset now,
        string? invoiceId = null, long? paymentId = null, long? outboxId = null, string? provider = null, string? status = null,
        CancellationToken ct = default)
    {
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
        const string sql = $"SELECT {Columns} FROM events WHERE seq > @afterId ORDER BY seq LIMIT @limit";
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<LiveEvent>(new CommandDefinition(sql, new { afterId, limit }, cancellationToken: ct))).AsList();
    }

    public async Task<long> LastIdAsync(CancellationToken ct)
    {
        const string sql = "SELECT COALESCE(MAX(seq), 0) FROM events";
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: ct));
    }
}
