using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Review;

public sealed class ReviewItemRepository(Db db)
{
    private const string Columns = "id, source, source_event_id, reason, raw, payment_id, created_at";

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

    public async Task<IReadOnlyList<ReviewItem>> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM review_items WHERE created_at >= @from AND created_at < @to ORDER BY id";
        await using var c = await db.OpenAsync(ct);
        return (await c.QueryAsync<ReviewItem>(new CommandDefinition(sql, new { from, to }, cancellationToken: ct))).AsList();
    }
}
