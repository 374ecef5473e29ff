using System.Data.Common;
using Dapper;

namespace InvoiceFirst.Data.Invoices;

/// <summary>The invoice side of payments: finding what a payer owes and applying money atomically.</summary>
public static class InvoicePayments
{
    private const string Columns = InvoiceRepository.Columns;

    public static Task<Invoice?> GetAsync(DbConnection connection, DbTransaction? transaction, string id, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM invoices WHERE id = @id";
        return connection.QuerySingleOrDefaultAsync<Invoice>(new CommandDefinition(sql, new { id }, transaction, cancellationToken: ct));
    }

    /// <summary>True when any merchant ever invoiced this number: it belongs to a customer.</summary>
    public static Task<bool> AnySentToAsync(DbConnection connection, DbTransaction? transaction, string msisdn, CancellationToken ct) =>
        connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM invoices WHERE msisdn = @msisdn)", new { msisdn }, transaction, cancellationToken: ct));

    /// <summary>The most recent invoice sent to this number that still has money owing.</summary>
    /// <param name="merchantId">Only this merchant's (a customer on a merchant's own WhatsApp number); null: any merchant's.</param>
    public static Task<Invoice?> LatestUnpaidForAsync(DbConnection connection, DbTransaction? transaction, string msisdn, CancellationToken ct,
        long? merchantId = null)
    {
        const string sql = $"""
            SELECT {Columns} FROM invoices
            WHERE msisdn = @msisdn AND status IN ('PENDING', 'SENT', 'PARTIALLY_PAID', 'FAILED', 'EXPIRED')
              AND (@merchantId IS NULL OR merchant_id = @merchantId)
            ORDER BY created_at DESC, number DESC
            LIMIT 1
            """;
        return connection.QuerySingleOrDefaultAsync<Invoice>(new CommandDefinition(sql, new { msisdn, merchantId }, transaction, cancellationToken: ct));
    }

    /// <summary>The invoice whose payment reference, without its hyphen, is <paramref name="key"/> (see <see cref="PaymentRefs.Key"/>).</summary>
    public static Task<Invoice?> FindByPaymentRefAsync(DbConnection connection, DbTransaction? transaction, string key, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM invoices WHERE replace(payment_ref, '-', '') = @key";
        return connection.QuerySingleOrDefaultAsync<Invoice>(new CommandDefinition(sql, new { key }, transaction, cancellationToken: ct));
    }

    /// <summary>Invoices sent to this number that can be paid now (owed, not closed, not past their expiry), newest first.</summary>
    public static async Task<IReadOnlyList<Invoice>> ListPayableForAsync(DbConnection connection, DbTransaction? transaction, string msisdn,
        DateTimeOffset now, int limit, CancellationToken ct, long? merchantId = null)
    {
        const string sql = $"""
            SELECT {Columns} FROM invoices
            WHERE msisdn = @msisdn AND status IN ('PENDING', 'SENT', 'PARTIALLY_PAID', 'FAILED') AND expires_at > @now
              AND (@merchantId IS NULL OR merchant_id = @merchantId)
            ORDER BY created_at DESC, number DESC
            LIMIT @limit
            """;
        return (await connection.QueryAsync<Invoice>(new CommandDefinition(sql, new { msisdn, now, limit, merchantId }, transaction, cancellationToken: ct))).AsList();
    }

    /// <summary>Invoices whose number, upper-cased without spaces, equals <paramref name="normalizedNumber"/>.</summary>
    public static async Task<IReadOnlyList<Invoice>> FindByNormalizedNumberAsync(DbConnection connection, DbTransaction? transaction,
        string normalizedNumber, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM invoices WHERE upper(replace(number, ' ', '')) = @normalizedNumber ORDER BY created_at DESC";
        return (await connection.QueryAsync<Invoice>(new CommandDefinition(sql, new { normalizedNumber }, transaction, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// Adds money in one statement, so concurrent settlements cannot lose an increment. A cancelled
    /// invoice keeps its status (the merchant decides what to do with the money); any other becomes
    /// PAID once covered, else PARTIALLY_PAID.
    /// </summary>
    public static Task<Invoice> ApplyPaymentAsync(DbConnection connection, DbTransaction transaction, string id, long amountCents,
        DateTimeOffset now, CancellationToken ct)
    {
        const string sql = $"""
            UPDATE invoices SET
                status = CASE WHEN status = 'CANCELLED' THEN status
                              WHEN amount_paid_cents + @amountCents >= amount_cents THEN 'PAID'
                              ELSE 'PARTIALLY_PAID' END,
                paid_at = CASE WHEN status <> 'CANCELLED' AND amount_paid_cents + @amountCents >= amount_cents
                               THEN COALESCE(paid_at, @now) ELSE paid_at END,
                amount_paid_cents = amount_paid_cents + @amountCents,
                updated_at = @now
            WHERE id = @id
            RETURNING {Columns}
            """;
        return connection.QuerySingleAsync<Invoice>(new CommandDefinition(sql, new { id, amountCents, now }, transaction, cancellationToken: ct));
    }
}
