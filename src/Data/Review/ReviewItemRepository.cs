using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Review;

public sealed class ReviewItemRepository(Db db)
{
    /// <summary>Real provider bodies are a few KB; past this only the start is worth a person's look.</summary>
    public const int MaxRawLength = 64 * 1024;

    /// <summary>Keeps the body for review (its start, and text PostgreSQL can store); a redelivered event adds nothing.</summary>
    public static Task AddAsync(DbConnection c, DbTransaction t, ReviewItem item, CancellationToken ct)
    {
        var raw = item.Raw.Length <= MaxRawLength ? item.Raw : item.Raw[..MaxRawLength];
        item = item with { Raw = raw.Replace('\0', '\uFFFD'), Reason = item.Reason.Replace('\0', '\uFFFD') };
        const string sql = """
            INSERT INTO review_items (source, source_event_id, reason, raw, payment_id, created_at)
            VALUES (@Source, @SourceEventId, @Reason, @Raw, @PaymentId, @CreatedAt)
            ON CONFLICT DO NOTHING
            """;
        return c.ExecuteAsync(new CommandDefinition(sql, item, t, cancellationToken: ct));
    }

    /// <summary>Items of the range: those about one merchant's payments, or all of them when <paramref name="merchantId"/> is null.</summary>
    public async Task<IReadOnlyList<ReviewItem>> ListAsync(DateTimeOffset from, DateTimeOffset to, long? merchantId, CancellationToken ct)
    {
        const string sql = """
            SELECT r.id, r.source, r.source_event_id, r.reason, r.raw, r.payment_id, r.created_at
            FROM review_items r LEFT JOIN payments p ON p.id = r.payment_id LEFT JOIN invoices i ON i.id = p.invoice_id
            WHERE r.created_at >= @from AND r.created_at < @to AND (@merchantId IS NULL OR i.merchant_id = @merchantId)
            ORDER BY r.id
            """;
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<ReviewItem>(new CommandDefinition(sql, new { from, to, merchantId }, cancellationToken: ct))).AsList();
    }
}
