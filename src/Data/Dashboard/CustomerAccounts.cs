using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Data.Dashboard;

/// <summary>One of a merchant's customers with what they owe (on invoices still payable) and have paid.</summary>
public sealed record CustomerAccount
{
    public long Id { get; init; }
    public required string Msisdn { get; init; }
    public string? Name { get; init; }
    public long Invoices { get; init; }
    public long OwedCents { get; init; }
    public long PaidCents { get; init; }
    public DateTimeOffset? LastInvoiceAt { get; init; }
    public Money Owed => Money.FromCents(OwedCents);
    public Money Paid => Money.FromCents(PaidCents);
}

/// <summary>The customers page: each customer's account, those who owe most first. Scoped by merchant in every statement.</summary>
public sealed class CustomerAccounts(Db db)
{
    private const string Select = """
        SELECT c.id, c.msisdn, c.name, COUNT(i.id) AS invoices,
            CAST(COALESCE(SUM(CASE WHEN i.status IN ('PENDING', 'SENT', 'PARTIALLY_PAID', 'FAILED', 'EXPIRED')
                                   THEN i.amount_cents - i.amount_paid_cents ELSE 0 END), 0) AS bigint) AS owed_cents,
            CAST(COALESCE(SUM(i.amount_paid_cents), 0) AS bigint) AS paid_cents,
            MAX(i.created_at) AS last_invoice_at
        FROM customers c
        LEFT JOIN invoices i ON i.customer_id = c.id AND i.merchant_id = @merchantId
        """;

    public async Task<(IReadOnlyList<CustomerAccount> Page, long Total)> ListAsync(long merchantId, string? text, int offset, int limit,
        CancellationToken ct)
    {
        const string where = """
            WHERE c.merchant_id = @merchantId AND (@like IS NULL OR lower(coalesce(c.name, '')) LIKE @like OR c.msisdn LIKE @digits)
            """;
        var (like, digits) = SearchPattern.Of(text);
        var args = new { merchantId, like, digits, offset, limit };
        await using var connection = await db.OpenAsync(ct);
        var page = await connection.QueryAsync<CustomerAccount>(new CommandDefinition($"""
            {Select} {where}
            GROUP BY c.id, c.msisdn, c.name
            ORDER BY owed_cents DESC, last_invoice_at DESC, c.id DESC
            LIMIT @limit OFFSET @offset
            """, args, cancellationToken: ct));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT count(*) FROM customers c {where}", args, cancellationToken: ct));
        return (page.AsList(), total);
    }

    public async Task<CustomerAccount?> GetAsync(long merchantId, long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<CustomerAccount>(new CommandDefinition(
            $"{Select} WHERE c.merchant_id = @merchantId AND c.id = @id GROUP BY c.id, c.msisdn, c.name", new { merchantId, id }, cancellationToken: ct));
    }
}
