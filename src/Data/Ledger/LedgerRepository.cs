using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Ledger;

/// <summary>
/// The merchant ledger (migration 0022). Every statement names the merchant; each effect is once by a unique index
/// (one credit and one fee per payment, one payout per merchant and M-PESA reference) and <c>ON CONFLICT DO NOTHING</c>.
/// </summary>
public sealed class LedgerRepository(Db db)
{
    public const string SettlementActor = "settlement";

    private const string Columns = "id, merchant_id, kind, amount_cents, payment_id, payout_reference, note, created_by, created_at";

    /// <summary>
    /// Credits the merchant with a settled payment when the deployment collected it: the merchant is on the
    /// collection route and the payment went through the deployment's own Daraja app (<c>daraja_account IS NULL</c>;
    /// C2B is only accepted on the deployment's shortcode). The amount is the payment's. Null when not the operator's
    /// money or already credited.
    /// </summary>
    public static Task<long?> TryCreditAsync(DbConnection connection, DbTransaction transaction, long merchantId, long paymentId,
        DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO ledger_entries (merchant_id, kind, amount_cents, payment_id, created_by, created_at)
            SELECT m.id, 'credit', p.amount_cents, p.id, @actor, @now
            FROM merchants m JOIN payments p ON p.id = @paymentId
            WHERE m.id = @merchantId AND m.pay_route = 'COLLECTION' AND p.daraja_account IS NULL AND p.amount_cents > 0
            ON CONFLICT DO NOTHING
            RETURNING amount_cents
            """;
        return connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(sql,
            new { merchantId, paymentId, actor = SettlementActor, now }, transaction, cancellationToken: ct));
    }

    /// <summary>The operator's fee on a credited payment, as a negative entry; once per payment.</summary>
    public static Task AddFeeAsync(DbConnection connection, DbTransaction transaction, long merchantId, long paymentId, long feeCents,
        DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO ledger_entries (merchant_id, kind, amount_cents, payment_id, created_by, created_at)
            VALUES (@merchantId, 'fee', -@feeCents, @paymentId, @actor, @now)
            ON CONFLICT DO NOTHING
            """;
        return connection.ExecuteAsync(new CommandDefinition(sql,
            new { merchantId, paymentId, feeCents, actor = SettlementActor, now }, transaction, cancellationToken: ct));
    }

    /// <summary>
    /// Locks the merchant's row until the transaction ends, so payouts of one merchant are checked against the balance one
    /// at a time (SQLite's write transaction already serializes). False when there is no such merchant.
    /// </summary>
    public async Task<bool> LockMerchantAsync(DbConnection connection, DbTransaction transaction, long merchantId, CancellationToken ct)
    {
        var sql = $"SELECT id FROM merchants WHERE id = @merchantId {db.ForUpdate}";
        return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(sql, new { merchantId }, transaction,
            cancellationToken: ct)) is not null;
    }

    public static Task<LedgerEntry?> GetPayoutAsync(DbConnection connection, DbTransaction? transaction, long merchantId, string reference,
        CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM ledger_entries WHERE merchant_id = @merchantId AND payout_reference = @reference";
        return connection.QuerySingleOrDefaultAsync<LedgerEntry>(new CommandDefinition(sql, new { merchantId, reference }, transaction,
            cancellationToken: ct));
    }

    /// <summary>A payout as a negative entry; null when the reference is already recorded for the merchant.</summary>
    public static Task<LedgerEntry?> TryAddPayoutAsync(DbConnection connection, DbTransaction transaction, long merchantId, long amountCents,
        string reference, string? note, string createdBy, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = $"""
            INSERT INTO ledger_entries (merchant_id, kind, amount_cents, payout_reference, note, created_by, created_at)
            VALUES (@merchantId, 'payout', -@amountCents, @reference, @note, @createdBy, @now)
            ON CONFLICT DO NOTHING
            RETURNING {Columns}
            """;
        return connection.QuerySingleOrDefaultAsync<LedgerEntry>(new CommandDefinition(sql,
            new { merchantId, amountCents, reference, note, createdBy, now }, transaction, cancellationToken: ct));
    }

    /// <summary>What the operator owes the merchant: the sum of every entry, never a stored figure.</summary>
    public static Task<long> BalanceAsync(DbConnection connection, DbTransaction? transaction, long merchantId, CancellationToken ct)
    {
        const string sql = "SELECT COALESCE(SUM(amount_cents), 0) FROM ledger_entries WHERE merchant_id = @merchantId";
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { merchantId }, transaction, cancellationToken: ct));
    }

    /// <summary>
    /// The merchant's entries newest first, those with an id below <paramref name="before"/> (0: from the newest), each
    /// credit and fee with the number of the invoice its payment paid.
    /// </summary>
    public static async Task<IReadOnlyList<LedgerEntry>> ListAsync(DbConnection connection, DbTransaction? transaction, long merchantId,
        long before, int limit, CancellationToken ct)
    {
        const string sql = """
            SELECT e.id, e.merchant_id, e.kind, e.amount_cents, e.payment_id, e.payout_reference, e.note, e.created_by, e.created_at,
                i.number AS invoice_number
            FROM ledger_entries e
            LEFT JOIN payments p ON p.id = e.payment_id
            LEFT JOIN invoices i ON i.id = p.invoice_id AND i.merchant_id = e.merchant_id
            WHERE e.merchant_id = @merchantId AND (@before = 0 OR e.id < @before)
            ORDER BY e.id DESC LIMIT @limit
            """;
        var rows = await connection.QueryAsync<LedgerEntry>(new CommandDefinition(sql, new { merchantId, before, limit }, transaction,
            cancellationToken: ct));
        return rows.AsList();
    }
}
