using InvoiceFirst.Data.Payments;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Dashboard;

/// <summary>A payment as the merchant's export lists it: on one of the merchant's invoices, or held for it (no invoice yet).</summary>
public sealed record PaymentExportRow
{
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SettledAt { get; init; }
    public string? InvoiceNumber { get; init; }
    public required PaymentMethod Method { get; init; }
    public required PaymentStatus Status { get; init; }
    public long AmountCents { get; init; }
    public string? MpesaReceipt { get; init; }
    public string? Msisdn { get; init; }
}

public sealed class PaymentExportRepository(Db db)
{
    /// <summary>The merchant's payments started in [from, to) (an open end is no bound), oldest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<PaymentExportRow>> ListAsync(long merchantId, DateTimeOffset? from, DateTimeOffset? to, int limit,
        CancellationToken ct)
    {
        const string sql = $"""
            SELECT p.created_at, p.settled_at, i.number AS invoice_number, p.method, p.status, p.amount_cents, p.mpesa_receipt, p.msisdn
            FROM payments p LEFT JOIN invoices i ON i.id = p.invoice_id
            WHERE {Payments.MerchantPayments.OfMerchant} AND p.created_at >= @from AND p.created_at < @to
            ORDER BY p.created_at, p.id
            LIMIT @limit
            """;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<PaymentExportRow>(new CommandDefinition(sql,
            new { merchantId, from = from ?? Time.TimeBounds.Earliest, to = to ?? Time.TimeBounds.Latest, limit }, cancellationToken: ct))).AsList();
    }
}
