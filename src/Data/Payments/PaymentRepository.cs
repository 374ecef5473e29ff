using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Payments;

/// <summary>Payment rows: inserts and reads. State changes live in <see cref="PaymentTransitions"/>.</summary>
public sealed class PaymentRepository(Db db)
{
    public const string Columns = """
        id, invoice_id, method, status, amount_cents, msisdn, idempotency_key, callback_token, merchant_request_id,
        checkout_request_id, mpesa_receipt, result_code, result_desc, raw_callback, reply_channel, push_started_at,
        next_query_at, query_attempts, created_at, updated_at, settled_at, daraja_account
        """;

    /// <summary>
    /// Inserts the payment; null when a unique key refused it (same idempotency key, a live STK
    /// push for the invoice already, or a receipt already recorded).
    /// </summary>
    public static async Task<long?> TryInsertAsync(DbConnection connection, DbTransaction transaction, Payment payment, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO payments (invoice_id, method, status, amount_cents, msisdn, idempotency_key, callback_token,
                mpesa_receipt, raw_callback, reply_channel, created_at, updated_at, settled_at)
            VALUES (@InvoiceId, @Method, @Status, @AmountCents, @Msisdn, @IdempotencyKey, @CallbackToken,
                @MpesaReceipt, @RawCallback, @ReplyChannel, @CreatedAt, @CreatedAt, @SettledAt)
            ON CONFLICT DO NOTHING
            RETURNING id
            """;
        return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(sql, payment, transaction, cancellationToken: ct));
    }

    public static Task<Payment?> GetAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM payments WHERE id = @id";
        return connection.QuerySingleOrDefaultAsync<Payment>(new CommandDefinition(sql, new { id }, transaction, cancellationToken: ct));
    }

    /// <summary>The payment, its row locked until the transaction ends (SQLite's write transaction already serializes).</summary>
    public async Task<Payment?> GetForUpdateAsync(DbConnection connection, DbTransaction transaction, long id, CancellationToken ct)
    {
        var sql = $"SELECT {Columns} FROM payments WHERE id = @id {db.ForUpdate}";
        return await connection.QuerySingleOrDefaultAsync<Payment>(new CommandDefinition(sql, new { id }, transaction, cancellationToken: ct));
    }

    /// <summary>The payment a callback token names, its row locked until the transaction ends.</summary>
    public async Task<Payment?> GetByCallbackTokenForUpdateAsync(DbConnection connection, DbTransaction transaction, string token,
        CancellationToken ct)
    {
        var sql = $"SELECT {Columns} FROM payments WHERE callback_token = @token {db.ForUpdate}";
        return await connection.QuerySingleOrDefaultAsync<Payment>(new CommandDefinition(sql, new { token }, transaction, cancellationToken: ct));
    }

    public static Task<Payment?> GetByIdempotencyKeyAsync(DbConnection connection, DbTransaction? transaction, string key, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM payments WHERE idempotency_key = @key";
        return connection.QuerySingleOrDefaultAsync<Payment>(new CommandDefinition(sql, new { key }, transaction, cancellationToken: ct));
    }

    public static Task<Payment?> GetLiveStkAsync(DbConnection connection, DbTransaction? transaction, string invoiceId, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM payments WHERE invoice_id = @invoiceId AND method = 'STK' AND status = 'INITIATED'";
        return connection.QuerySingleOrDefaultAsync<Payment>(new CommandDefinition(sql, new { invoiceId }, transaction, cancellationToken: ct));
    }

    public static Task<Payment?> GetByReceiptAsync(DbConnection connection, DbTransaction? transaction, string receipt, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM payments WHERE mpesa_receipt = @receipt";
        return connection.QuerySingleOrDefaultAsync<Payment>(new CommandDefinition(sql, new { receipt }, transaction, cancellationToken: ct));
    }

    public async Task<Payment?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await GetAsync(connection, null, id, ct);
    }

    public async Task<Payment?> GetByCallbackTokenAsync(string token, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM payments WHERE callback_token = @token";
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Payment>(new CommandDefinition(sql, new { token }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<Payment>> ListForInvoiceAsync(string? invoiceId, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM payments WHERE (@invoiceId IS NULL OR invoice_id = @invoiceId) ORDER BY id";
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<Payment>(new CommandDefinition(sql, new { invoiceId }, cancellationToken: ct))).AsList();
    }

    /// <summary>Claims the oldest STK payment not yet pushed; the claim itself is the promise to push once.</summary>
    public async Task<Payment?> ClaimNextPushAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await ClaimNextPushAsync(connection, null, now, ct);
    }

    /// <summary>The same on the caller's connection (one index lookup in <c>payments_push_due</c>, whatever the table holds).</summary>
    public async Task<Payment?> ClaimNextPushAsync(DbConnection connection, DbTransaction? transaction, DateTimeOffset now, CancellationToken ct)
    {
        var sql = $"""
            UPDATE payments SET push_started_at = @now, updated_at = @now
            WHERE id = (SELECT id FROM payments
                        WHERE method = 'STK' AND status = 'INITIATED' AND push_started_at IS NULL
                        ORDER BY id LIMIT 1 {db.ForUpdateSkipLocked})
              AND push_started_at IS NULL
            RETURNING {Columns}
            """;
        return await connection.QuerySingleOrDefaultAsync<Payment>(new CommandDefinition(sql, new { now }, transaction, cancellationToken: ct));
    }

    /// <summary>Claims one specific payment for its push; null when someone else already pushed it.</summary>
    public async Task<Payment?> ClaimPushAsync(long id, DateTimeOffset now, CancellationToken ct)
    {
        var sql = $"""
            UPDATE payments SET push_started_at = @now, updated_at = @now
            WHERE id = @id AND status = 'INITIATED' AND push_started_at IS NULL
            RETURNING {Columns}
            """;
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Payment>(new CommandDefinition(sql, new { id, now }, cancellationToken: ct));
    }

    /// <summary>
    /// Claims pushed STK payments whose status is due to be asked; the claim moves their next
    /// question to <paramref name="claimUntil"/> so other instances leave them alone meanwhile.
    /// </summary>
    public async Task<IReadOnlyList<Payment>> ClaimDueQueriesAsync(DateTimeOffset now, DateTimeOffset claimUntil, int limit, CancellationToken ct)
    {
        var sql = $"""
            UPDATE payments SET next_query_at = @claimUntil, query_attempts = query_attempts + 1, updated_at = @now
            WHERE id IN (SELECT id FROM payments
                         WHERE status = 'INITIATED' AND method = 'STK' AND push_started_at IS NOT NULL
                           AND next_query_at IS NOT NULL AND next_query_at <= @now
                         ORDER BY next_query_at LIMIT @limit {db.ForUpdateSkipLocked})
            RETURNING {Columns}
            """;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<Payment>(new CommandDefinition(sql, new { now, claimUntil, limit }, cancellationToken: ct))).AsList();
    }
}
