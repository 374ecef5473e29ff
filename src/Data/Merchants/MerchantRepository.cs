using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Data.Merchants;

public sealed class MerchantRepository(Db db)
{
    internal const string Columns =
        "id, phone, name, language, reminders_enabled, summary_enabled, code, status, pay_route, pay_number, pay_account, created_at, daily_invoice_limit, daily_sms_cap, vat, pdf_enabled";

    // Collisions before a code gets one character longer: 32^3 codes fill up long before 32^4 do.
    // No code may begin another ("MM7" and "MM74"), so "MM7-42" and "MM74-2" can never be typed alike.
    private const string PrefixFree =
        "NOT EXISTS (SELECT 1 FROM merchants m WHERE m.code IS NOT NULL AND (m.code LIKE @code || '%' OR @code LIKE m.code || '%'))";

    private const int TriesPerLength = 4;

    /// <summary>Creates the merchant or updates its name; the number is the identity. Gives it a code if it has none.</summary>
    public async Task<Merchant> UpsertAsync(string phone, string name, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = $"""
            INSERT INTO merchants (phone, name, created_at, updated_at) VALUES (@phone, @name, @now, @now)
            ON CONFLICT (phone) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at
            RETURNING {Columns}
            """;
        await using var connection = await db.OpenAsync(ct);
        var merchant = await connection.QuerySingleAsync<Merchant>(new CommandDefinition(sql, new { phone, name, now }, cancellationToken: ct));
        return merchant.Code is null ? merchant with { Code = await AssignCodeAsync(connection, merchant.Id, now, ct) } : merchant;
    }

    /// <summary>A new merchant with a fresh code; null when the phone already belongs to one.</summary>
    public async Task<Merchant?> CreateAsync(string phone, string name, string language, string status, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await CreateAsync(connection, null, new NewMerchant(phone, name, language, status), now, ct);
    }

    /// <summary>A new merchant with a fresh code, inside the caller's transaction; null when the phone already belongs to one (as owner or staff).</summary>
    public static async Task<Merchant?> CreateAsync(DbConnection connection, DbTransaction? transaction, NewMerchant merchant,
        DateTimeOffset now, CancellationToken ct)
    {
        const string sql = $"""
            INSERT INTO merchants (phone, name, language, status, code, pay_route, pay_number, pay_account, created_at, updated_at)
            SELECT @Phone, @Name, @Language, @Status, @code, @PayRoute, @PayNumber, @PayAccount, @now, @now
            WHERE {PrefixFree} AND NOT EXISTS (SELECT 1 FROM merchant_staff s WHERE s.phone = @Phone)
            ON CONFLICT DO NOTHING
            RETURNING {Columns}
            """;
        for (var attempt = 0; ; attempt++)
        {
            var code = MerchantCodes.New(3 + attempt / TriesPerLength);
            var created = await connection.QuerySingleOrDefaultAsync<Merchant>(new CommandDefinition(sql,
                new { merchant.Phone, merchant.Name, merchant.Language, merchant.Status, code, merchant.PayRoute, merchant.PayNumber,
                    merchant.PayAccount, now }, transaction, cancellationToken: ct));
            if (created is not null) return created;
            if (await FindByPhoneAsync(connection, transaction, merchant.Phone, ct) is not null) return null;
            // A phone belongs to one business only: someone's staff cannot become an owner too.
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "SELECT EXISTS (SELECT 1 FROM merchant_staff WHERE phone = @Phone)", new { merchant.Phone }, transaction, cancellationToken: ct)))
                return null;
            // Only the code collided (or one code would begin another): draw another.
        }
    }

    public async Task<Merchant?> FindByPhoneAsync(string phone, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await FindByPhoneAsync(connection, null, phone, ct);
    }

    public async Task<Merchant?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await GetAsync(connection, null, id, ct);
    }

    public static Task<Merchant?> GetAsync(DbConnection connection, DbTransaction? transaction, long id, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<Merchant>(new CommandDefinition($"SELECT {Columns} FROM merchants WHERE id = @id",
            new { id }, transaction, cancellationToken: ct));

    /// <summary>Merchants by id, optionally of one status and matching <paramref name="query"/> in name, phone or code.</summary>
    public async Task<IReadOnlyList<Merchant>> ListAsync(string? status, string? query, long afterId, int limit, CancellationToken ct)
    {
        const string sql = $"""
            SELECT {Columns} FROM merchants
            WHERE id > @afterId AND (@status IS NULL OR status = @status)
              AND (@like IS NULL OR lower(name) LIKE @like OR phone LIKE @like OR lower(code) LIKE @like)
            ORDER BY id LIMIT @limit
            """;
        var like = string.IsNullOrWhiteSpace(query) ? null : "%" + query.Trim().ToLowerInvariant() + "%";
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<Merchant>(new CommandDefinition(sql, new { status, like, afterId, limit }, cancellationToken: ct))).AsList();
    }

    /// <summary>Moves the merchant to <paramref name="to"/> only from <paramref name="from"/>; false when it was elsewhere.</summary>
    public static async Task<bool> ChangeStatusAsync(DbConnection connection, DbTransaction transaction, long id, string from, string to,
        DateTimeOffset now, CancellationToken ct)
    {
        const string sql = "UPDATE merchants SET status = @to, updated_at = @now WHERE id = @id AND status = @from";
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id, from, to, now }, transaction, cancellationToken: ct)) == 1;
    }

    /// <summary>
    /// Changes the merchant's limit overrides: a null change leaves that one as it is; a change to null clears it (the default
    /// applies again). Null when there is no such merchant.
    /// </summary>
    public async Task<Merchant?> SetLimitsAsync(long id, LimitOverride? invoices, LimitOverride? sms, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = $"""
            UPDATE merchants SET
                daily_invoice_limit = CASE WHEN @setInvoices THEN @invoiceLimit ELSE daily_invoice_limit END,
                daily_sms_cap = CASE WHEN @setSms THEN @smsCap ELSE daily_sms_cap END,
                updated_at = @now
            WHERE id = @id
            RETURNING {Columns}
            """;
        var args = new { id, setInvoices = invoices is not null, invoiceLimit = invoices?.Value, setSms = sms is not null, smsCap = sms?.Value, now };
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Merchant>(new CommandDefinition(sql, args, cancellationToken: ct));
    }

    /// <summary>The owner's settings page: the business's name; false when the merchant is gone.</summary>
    public static async Task<bool> RenameAsync(DbConnection connection, DbTransaction transaction, long id, string name, DateTimeOffset now,
        CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition("UPDATE merchants SET name = @name, updated_at = @now WHERE id = @id",
            new { id, name, now }, transaction, cancellationToken: ct)) == 1;

    /// <summary>How the merchant's customers pay (<see cref="PayRoutes"/>), as the owner last said.</summary>
    public static async Task SetPayRouteAsync(DbConnection connection, DbTransaction transaction, long id, string route, string? number,
        string? account, DateTimeOffset now, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE merchants SET pay_route = @route, pay_number = @number, pay_account = @account, updated_at = @now WHERE id = @id",
            new { id, route, number, account, now }, transaction, cancellationToken: ct));

    public static async Task SetLanguageAsync(DbConnection connection, DbTransaction transaction,
        long id, string language, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = "UPDATE merchants SET language = @language, updated_at = @now WHERE id = @id";
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id, language, now }, transaction, cancellationToken: ct));
    }

    public static async Task SetVatAsync(DbConnection connection, DbTransaction transaction, long id, Domain.VatMode vat, DateTimeOffset now,
        CancellationToken ct)
    {
        const string sql = "UPDATE merchants SET vat = @vat, updated_at = @now WHERE id = @id";
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id, vat = vat.ToDb(), now }, transaction, cancellationToken: ct));
    }

    public static async Task SetPdfAsync(DbConnection connection, DbTransaction transaction, long id, bool enabled, DateTimeOffset now,
        CancellationToken ct)
    {
        const string sql = "UPDATE merchants SET pdf_enabled = @enabled, updated_at = @now WHERE id = @id";
        await connection.ExecuteAsync(new CommandDefinition(sql, new { id, enabled, now }, transaction, cancellationToken: ct));
    }

    public static Task<Merchant?> FindByPhoneAsync(DbConnection connection, DbTransaction? transaction, string phone, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<Merchant>(new CommandDefinition($"SELECT {Columns} FROM merchants WHERE phone = @phone",
            new { phone }, transaction, cancellationToken: ct));

    private static async Task<string> AssignCodeAsync(DbConnection connection, long id, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = $"""
            UPDATE merchants SET code = @code, updated_at = @now
            WHERE id = @id AND code IS NULL AND {PrefixFree}
            """;
        for (var attempt = 0; ; attempt++)
        {
            var code = MerchantCodes.New(3 + attempt / TriesPerLength);
            try
            {
                if (await connection.ExecuteAsync(new CommandDefinition(sql, new { id, code, now }, cancellationToken: ct)) == 1) return code;
            }
            catch (DbException) when (attempt < 20)
            {
                // Another instance took the same code between our check and our write: draw again.
            }
            var current = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT code FROM merchants WHERE id = @id", new { id }, cancellationToken: ct));
            if (current is not null) return current;
        }
    }
}
