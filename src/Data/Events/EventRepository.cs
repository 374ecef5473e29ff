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
    private const string Columns = "seq AS id, type, merchant_id, invoice_id, payment_id, outbox_id, provider, status, occurred_at";

    /// <summary>
    /// Records an event in the caller's transaction (for example <see cref="EventTypes.InvoiceExpired"/>). Its merchant is its
    /// invoice's, else <paramref name="merchantId"/>: an event of neither (a provider's health) is the operator's alone.
    /// </summary>
    public static async Task AddAsync(DbConnection connection, DbTransaction transaction, string type, DateTimeOffset now,
        string? invoiceId = null, long? paymentId = null, long? outboxId = null, string? provider = null, string? status = null,
        long? merchantId = null, CancellationToken ct = default)
    {
        // Read from the invoice in the statement: no writer can name another merchant's invoice under its own merchant.
        const string sql = """
            INSERT INTO events (type, invoice_id, payment_id, outbox_id, provider, status, occurred_at, merchant_id)
            VALUES (@type, @invoiceId, @paymentId, @outboxId, @provider, @status, @now,
                COALESCE((SELECT merchant_id FROM invoices WHERE id = @invoiceId), @merchantId))
            """;
        await connection.ExecuteAsync(new CommandDefinition(sql,
            new { type, invoiceId, paymentId, outboxId, provider, status, now, merchantId }, transaction, cancellationToken: ct));
    }

    /// <summary>An event with no change of its own to ride on (a provider's health turning).</summary>
    public Task AddAsync(string type, DateTimeOffset now, string? provider, string? status, CancellationToken ct) =>
        db.InTransactionAsync((c, t) => AddAsync(c, t, type, now, provider: provider, status: status, ct: ct), ct);

    /// <summary>Events after <paramref name="afterId"/> in commit order: one merchant's, or every event when <paramref name="merchantId"/> is null.</summary>
    public async Task<IReadOnlyList<LiveEvent>> ListAfterAsync(long afterId, int limit, long? merchantId, CancellationToken ct)
    {
        const string sql = $"""
            SELECT {Columns} FROM events
            WHERE seq > @afterId AND (@merchantId IS NULL OR merchant_id = @merchantId)
            ORDER BY seq LIMIT @limit
            """;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<LiveEvent>(new CommandDefinition(sql, new { afterId, limit, merchantId }, cancellationToken: ct))).AsList();
    }

    public async Task<long> LastIdAsync(CancellationToken ct)
    {
        const string sql = "SELECT COALESCE(MAX(seq), 0) FROM events";
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, cancellationToken: ct));
    }
}
