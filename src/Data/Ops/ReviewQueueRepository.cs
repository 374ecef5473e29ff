using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Ops;

/// <summary>
/// What a person has to look at: payments in review and unreadable provider bodies, until someone marks each
/// resolved with a note. Marking resolved records who, when and why; it does not change the payment.
/// </summary>
public sealed class ReviewQueueRepository(Db db)
{
    public const int NoteMax = 500;

    public async Task<IReadOnlyList<PaymentInReview>> PaymentsAsync(int limit, CancellationToken ct)
    {
        const string sql = """
            SELECT p.id, i.merchant_id, m.name AS merchant_name, i.number AS invoice_number, p.method, p.amount_cents, p.mpesa_receipt,
                   p.result_desc, p.created_at
            FROM payments p LEFT JOIN invoices i ON i.id = p.invoice_id LEFT JOIN merchants m ON m.id = i.merchant_id
            WHERE p.status = 'NEEDS_REVIEW' AND p.review_resolved_at IS NULL
            ORDER BY p.id LIMIT @limit
            """;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<PaymentInReview>(new CommandDefinition(sql, new { limit }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<ReviewItemSummary>> ItemsAsync(int limit, CancellationToken ct)
    {
        const string sql = """
            SELECT id, source, reason, payment_id, created_at FROM review_items
            WHERE resolved_at IS NULL ORDER BY id LIMIT @limit
            """;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ReviewItemSummary>(new CommandDefinition(sql, new { limit }, cancellationToken: ct))).AsList();
    }

    /// <summary>True once: a payment in review not yet resolved. <paramref name="by"/> is the operator's phone.</summary>
    public async Task<bool> ResolvePaymentAsync(long id, string by, string note, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE payments SET review_resolved_at = @now, review_resolved_by = @by, review_note = @note, updated_at = @now
            WHERE id = @id AND status = 'NEEDS_REVIEW' AND review_resolved_at IS NULL
            """;
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id, by, note, now }, cancellationToken: ct)) == 1;
    }

    /// <summary>True once: a review item not yet resolved.</summary>
    public async Task<bool> ResolveItemAsync(long id, string by, string note, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            UPDATE review_items SET resolved_at = @now, resolved_by = @by, resolution_note = @note
            WHERE id = @id AND resolved_at IS NULL
            """;
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new { id, by, note, now }, cancellationToken: ct)) == 1;
    }
}
