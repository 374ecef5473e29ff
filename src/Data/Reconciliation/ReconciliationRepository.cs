using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Reconciliation;

/// <summary>
/// The queries behind reconciliation: what M-PESA said we received (SUCCESS payments, C2B
/// confirmations included) against what invoices recorded, over one day's [from, to). A query that takes
/// <c>merchantId</c> reads that merchant's invoices only, or every merchant's when it is null; money that reached no
/// invoice counts for the merchant it is held for (<c>payments.held_for_merchant_id</c>).
/// </summary>
public sealed class ReconciliationRepository(Db db)
{
    /// <summary>Money received that no invoice took (C2B payments to an unknown account), with the merchant it is held for.</summary>
    public async Task<IReadOnlyList<PaymentRow>> UnappliedReceiptsAsync(DateTimeOffset from, DateTimeOffset to, long? merchantId, CancellationToken ct)
    {
        const string sql = """
            SELECT id AS payment_id, invoice_id, held_for_merchant_id AS merchant_id, mpesa_receipt, amount_cents, status
            FROM payments
            WHERE status = 'SUCCESS' AND invoice_id IS NULL AND created_at >= @from AND created_at < @to
              AND (@merchantId IS NULL OR held_for_merchant_id = @merchantId)
            ORDER BY id
            """;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<PaymentRow>(new CommandDefinition(sql, new { from, to, merchantId }, cancellationToken: ct))).AsList();
    }

    /// <summary>Payments a person still has to look at (none has resolved them in the console), however old, as of the end of the day.</summary>
    public async Task<IReadOnlyList<PaymentRow>> NeedsReviewAsync(DateTimeOffset to, long? merchantId, CancellationToken ct)
    {
        const string sql = """
            SELECT p.id AS payment_id, p.invoice_id, i.merchant_id, p.mpesa_receipt, p.amount_cents, p.status
            FROM payments p LEFT JOIN invoices i ON i.id = p.invoice_id
            WHERE p.status = 'NEEDS_REVIEW' AND p.review_resolved_at IS NULL AND p.created_at < @to
              AND (@merchantId IS NULL OR i.merchant_id = @merchantId)
            ORDER BY p.id
            """;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<PaymentRow>(new CommandDefinition(sql, new { to, merchantId }, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// Paybill/Till confirmations received by the end of the day that Transaction Status has not
    /// confirmed (still waiting, or given up on): money someone claims, not yet money we have.
    /// </summary>
    public async Task<IReadOnlyList<ConfirmationRow>> UnverifiedConfirmationsAsync(DateTimeOffset to, CancellationToken ct)
    {
        const string sql = """
            SELECT id AS confirmation_id, trans_id, amount_cents, status, reason
            FROM c2b_confirmations
            WHERE status IN ('RECEIVED', 'UNVERIFIED') AND received_at < @to
            ORDER BY id
            """;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ConfirmationRow>(new CommandDefinition(sql, new { to }, cancellationToken: ct))).AsList();
    }

    /// <summary>Confirmations received in the range that M-PESA denied or that described another payment.</summary>
    public async Task<IReadOnlyList<ConfirmationRow>> RejectedConfirmationsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        const string sql = """
            SELECT id AS confirmation_id, trans_id, amount_cents, status, reason
            FROM c2b_confirmations
            WHERE status = 'REJECTED' AND received_at >= @from AND received_at < @to
            ORDER BY id
            """;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ConfirmationRow>(new CommandDefinition(sql, new { from, to }, cancellationToken: ct))).AsList();
    }

    /// <summary>
    /// Invoices changed or paid in the range whose recorded payments differ from their successful
    /// payments: a different sum, or money recorded with no successful payment at all.
    /// </summary>
    public async Task<IReadOnlyList<InvoiceMoneyRow>> InvoiceMismatchesAsync(DateTimeOffset from, DateTimeOffset to, long? merchantId,
        CancellationToken ct)
    {
        const string sql = """
            SELECT i.id AS invoice_id, i.number AS invoice_number, i.merchant_id, i.status, i.amount_paid_cents AS recorded_cents,
                CAST(COALESCE(SUM(CASE WHEN p.status = 'SUCCESS' THEN p.amount_cents ELSE 0 END), 0) AS bigint) AS received_cents,
                CAST(COUNT(CASE WHEN p.status = 'SUCCESS' THEN 1 END) AS bigint) AS successful_payments
            FROM invoices i LEFT JOIN payments p ON p.invoice_id = i.id
            WHERE ((i.updated_at >= @from AND i.updated_at < @to) OR (i.paid_at >= @from AND i.paid_at < @to))
              AND (@merchantId IS NULL OR i.merchant_id = @merchantId)
            GROUP BY i.id, i.number, i.merchant_id, i.status, i.amount_paid_cents
            HAVING i.amount_paid_cents <> COALESCE(SUM(CASE WHEN p.status = 'SUCCESS' THEN p.amount_cents ELSE 0 END), 0)
                OR (i.status IN ('PAID', 'PARTIALLY_PAID') AND COUNT(CASE WHEN p.status = 'SUCCESS' THEN 1 END) = 0)
            ORDER BY i.id
            """;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<InvoiceMoneyRow>(new CommandDefinition(sql, new { from, to, merchantId }, cancellationToken: ct))).AsList();
    }

    /// <summary>Successful payments settled in the range onto one merchant's invoices: how many, how much.</summary>
    public async Task<(long Count, long Cents)> CollectedAsync(long merchantId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        const string sql = """
            SELECT CAST(COUNT(*) AS bigint) AS count, CAST(COALESCE(SUM(p.amount_cents), 0) AS bigint) AS cents
            FROM payments p JOIN invoices i ON i.id = p.invoice_id
            WHERE p.status = 'SUCCESS' AND i.merchant_id = @merchantId AND p.settled_at >= @from AND p.settled_at < @to
            """;
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleAsync<CollectedRow>(new CommandDefinition(sql, new { merchantId, from, to }, cancellationToken: ct));
        return (row.Count, row.Cents);
    }

    private sealed record CollectedRow
    {
        public long Count { get; init; }
        public long Cents { get; init; }
    }
}
