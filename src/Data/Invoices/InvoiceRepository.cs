using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Data.Invoices;

public sealed class InvoiceRepository(Db db)
{
    internal const string Columns = """
        id, merchant_id, customer_id, number, payment_ref, msisdn, customer_name, description, amount_cents, amount_paid_cents,
        currency, status, pay_token, idempotency_key, request_hash, reminders_enabled, language, created_by,
        created_at, updated_at, sent_at, paid_at, cancelled_at, expires_at, vat, vat_cents
        """;

    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, Invoice invoice, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO invoices (id, merchant_id, customer_id, number, payment_ref, msisdn, customer_name, description, amount_cents,
                amount_paid_cents, currency, status, pay_token, idempotency_key, request_hash, reminders_enabled, language, created_by,
                created_at, updated_at, expires_at, vat, vat_cents)
            VALUES (@Id, @MerchantId, @CustomerId, @Number, @PaymentRef, @Msisdn, @CustomerName, @Description, @AmountCents,
                0, @Currency, @Status, @PayToken, @IdempotencyKey, @RequestHash, @RemindersEnabled, @Language, @CreatedBy,
                @CreatedAt, @UpdatedAt, @ExpiresAt, @vat_mode, @VatCents)
            """;
        // Dapper would send the enum as its number; the column holds its name.
        var args = new DynamicParameters(invoice);
        args.Add("vat_mode", invoice.Vat.ToDb());
        await connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: ct));
    }

    /// <summary>The invoice if it is this merchant's; another merchant's id reads like a missing one.</summary>
    public async Task<Invoice?> GetForMerchantAsync(long merchantId, string id, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM invoices WHERE id = @id AND merchant_id = @merchantId";
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Invoice>(new CommandDefinition(sql, new { id, merchantId }, cancellationToken: ct));
    }

    public async Task<Invoice?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await GetAsync(connection, null, id, ct);
    }

    public static Task<Invoice?> GetAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM invoices WHERE id = @id";
        return connection.QuerySingleOrDefaultAsync<Invoice>(new CommandDefinition(sql, new { id }, transaction, cancellationToken: ct));
    }

    public async Task<Invoice?> GetByPayTokenAsync(string token, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM invoices WHERE pay_token = @token";
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Invoice>(new CommandDefinition(sql, new { token }, cancellationToken: ct));
    }

    public static async Task<Invoice?> GetByNumberAsync(DbConnection connection, DbTransaction? transaction,
        long merchantId, string number, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM invoices WHERE merchant_id = @merchantId AND number = @number";
        return await connection.QuerySingleOrDefaultAsync<Invoice>(
            new CommandDefinition(sql, new { merchantId, number }, transaction, cancellationToken: ct));
    }

    public static async Task<Invoice?> GetByIdempotencyKeyAsync(DbConnection connection, DbTransaction? transaction,
        long merchantId, string key, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM invoices WHERE merchant_id = @merchantId AND idempotency_key = @key";
        return await connection.QuerySingleOrDefaultAsync<Invoice>(
            new CommandDefinition(sql, new { merchantId, key }, transaction, cancellationToken: ct));
    }

    /// <summary>Newest first. Filters are optional.</summary>
    public async Task<IReadOnlyList<Invoice>> ListAsync(long merchantId, InvoiceStatus? status, string? msisdn, int limit, CancellationToken ct)
    {
        const string sql = $"""
            SELECT {Columns} FROM invoices
            WHERE merchant_id = @merchantId
              AND (@status IS NULL OR status = @status)
              AND (@msisdn IS NULL OR msisdn = @msisdn)
            ORDER BY created_at DESC, number DESC
            LIMIT @limit
            """;
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Invoice>(new CommandDefinition(sql, new { merchantId, status, msisdn, limit }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>One page of the merchant's invoices matching <paramref name="search"/>, newest first, and how many match in all.</summary>
    public async Task<(IReadOnlyList<Invoice> Page, long Total)> SearchAsync(long merchantId, InvoiceSearch search, CancellationToken ct)
    {
        const string where = """
            WHERE merchant_id = @merchantId
              AND (@status IS NULL OR status = @status)
              AND created_at >= @from AND created_at < @to
              AND (@like IS NULL OR lower(coalesce(customer_name, '')) LIKE @like OR lower(number) LIKE @like
                   OR lower(description) LIKE @like OR msisdn LIKE @digits)
            """;
        var (like, digits) = SearchPattern.Of(search.Text);
        var args = new
        {
            merchantId, status = search.Status, like, digits, from = search.From ?? Time.TimeBounds.Earliest,
            to = search.To ?? Time.TimeBounds.Latest, limit = search.Limit, offset = search.Offset,
        };
        await using var connection = await db.OpenAsync(ct);
        var page = await connection.QueryAsync<Invoice>(new CommandDefinition(
            $"SELECT {Columns} FROM invoices {where} ORDER BY created_at DESC, number DESC LIMIT @limit OFFSET @offset", args, cancellationToken: ct));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM invoices {where}", args, cancellationToken: ct));
        return (page.AsList(), total);
    }

    /// <summary>Invoices still owed, newest first, <paramref name="limit"/> of them after the first <paramref name="offset"/>.</summary>
    public static async Task<IReadOnlyList<Invoice>> ListUnpaidAsync(DbConnection connection, DbTransaction? transaction,
        long merchantId, int limit, CancellationToken ct, int offset = 0)
    {
        const string sql = $"""
            SELECT {Columns} FROM invoices
            WHERE merchant_id = @merchantId AND status IN ('PENDING', 'SENT', 'PARTIALLY_PAID', 'FAILED', 'EXPIRED')
            ORDER BY created_at DESC, number DESC
            LIMIT @limit OFFSET @offset
            """;
        var rows = await connection.QueryAsync<Invoice>(new CommandDefinition(sql, new { merchantId, limit, offset }, transaction, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>How many invoices are still owed (what <see cref="ListUnpaidAsync"/> pages through).</summary>
    public static Task<long> CountUnpaidAsync(DbConnection connection, DbTransaction? transaction, long merchantId, CancellationToken ct)
    {
        const string sql = """
            SELECT COUNT(*) FROM invoices
            WHERE merchant_id = @merchantId AND status IN ('PENDING', 'SENT', 'PARTIALLY_PAID', 'FAILED', 'EXPIRED')
            """;
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { merchantId }, transaction, cancellationToken: ct));
    }

    /// <summary>
    /// The newest invoice not cancelled that went to the same number for the same amount and description
    /// (ignoring case) since <paramref name="since"/>: sending it again is more likely a slip than meant.
    /// </summary>
    public static Task<Invoice?> FindRecentSameAsync(DbConnection connection, DbTransaction? transaction, long merchantId,
        string msisdn, long amountCents, string description, DateTimeOffset since, CancellationToken ct)
    {
        const string sql = $"""
            SELECT {Columns} FROM invoices
            WHERE merchant_id = @merchantId AND msisdn = @msisdn AND amount_cents = @amountCents
              AND lower(description) = lower(@description) AND status <> 'CANCELLED' AND created_at >= @since
            ORDER BY created_at DESC, number DESC
            LIMIT 1
            """;
        return connection.QuerySingleOrDefaultAsync<Invoice>(new CommandDefinition(sql,
            new { merchantId, msisdn, amountCents, description = description.Trim(), since }, transaction, cancellationToken: ct));
    }

    /// <summary>Cancels an invoice nobody has paid anything on yet; false when it was not in a cancellable state.</summary>
    public static async Task<bool> CancelAsync(DbConnection connection, DbTransaction transaction, string id, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE invoices SET status = 'CANCELLED', cancelled_at = @now, updated_at = @now
            WHERE id = @id AND status IN ('PENDING', 'SENT', 'FAILED', 'EXPIRED') AND amount_paid_cents = 0
            """;
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id, now }, transaction, cancellationToken: ct)) == 1;
    }

    /// <summary>PENDING → SENT the first time a channel accepts the invoice message (also rescues FAILED).</summary>
    public static async Task<bool> MarkSentAsync(DbConnection connection, DbTransaction? transaction, string id, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE invoices SET status = 'SENT', sent_at = COALESCE(sent_at, @now), updated_at = @now
            WHERE id = @id AND status IN ('PENDING', 'FAILED')
            """;
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id, now }, transaction, cancellationToken: ct)) == 1;
    }

    /// <summary>No channel could deliver the invoice (also after a channel first accepted it).</summary>
    public static async Task<bool> MarkFailedAsync(DbConnection connection, DbTransaction transaction, string id, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE invoices SET status = 'FAILED', updated_at = @now WHERE id = @id AND status IN ('PENDING', 'SENT')
            """;
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id, now }, transaction, cancellationToken: ct)) == 1;
    }
}
