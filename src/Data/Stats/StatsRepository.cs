using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Stats;

/// <summary>Read-only figures for one merchant over [from, to). Sums are cast so both dialects return bigint.</summary>
public sealed class StatsRepository(Db db)
{
    public async Task<InvoiceCounts> CountInvoicesAsync(long merchantId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        const string sql = """
            SELECT COUNT(*) AS created,
                CAST(COALESCE(SUM(CASE WHEN sent_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS bigint) AS sent,
                CAST(COALESCE(SUM(CASE WHEN status = 'PAID' THEN 1 ELSE 0 END), 0) AS bigint) AS paid,
                CAST(COALESCE(SUM(CASE WHEN status = 'PARTIALLY_PAID' THEN 1 ELSE 0 END), 0) AS bigint) AS partially_paid,
                CAST(COALESCE(SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END), 0) AS bigint) AS failed,
                CAST(COALESCE(SUM(CASE WHEN status = 'CANCELLED' THEN 1 ELSE 0 END), 0) AS bigint) AS cancelled,
                CAST(COALESCE(SUM(CASE WHEN status = 'EXPIRED' THEN 1 ELSE 0 END), 0) AS bigint) AS expired,
                CAST(COALESCE(SUM(CASE WHEN status <> 'CANCELLED' THEN amount_cents ELSE 0 END), 0) AS bigint) AS invoiced_cents,
                CAST(COALESCE(SUM(amount_paid_cents), 0) AS bigint) AS collected_cents
            FROM invoices
            WHERE merchant_id = @merchantId AND created_at >= @from AND created_at < @to
            """;
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleAsync<InvoiceCounts>(new CommandDefinition(sql, new { merchantId, from, to }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<SentToPaid>> ListSentToPaidAsync(long merchantId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        const string sql = """
            SELECT sent_at, paid_at FROM invoices
            WHERE merchant_id = @merchantId AND created_at >= @from AND created_at < @to
              AND status = 'PAID' AND sent_at IS NOT NULL AND paid_at IS NOT NULL
            """;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<SentToPaid>(new CommandDefinition(sql, new { merchantId, from, to }, cancellationToken: ct))).AsList();
    }

    public async Task<IReadOnlyList<ChannelDelivery>> DeliveryByChannelAsync(long merchantId, DateTimeOffset from, DateTimeOffset to,
        CancellationToken ct)
    {
        const string sql = """
            SELECT l.channel,
                COUNT(DISTINCT CASE WHEN l.event = 'send' AND l.status = 'accepted' THEN l.outbox_id END) AS accepted,
                COUNT(DISTINCT CASE WHEN l.event = 'status' AND l.status IN ('delivered', 'read') THEN l.outbox_id END) AS delivered
            FROM message_log l
            JOIN outbox o ON o.id = l.outbox_id
            WHERE o.merchant_id = @merchantId AND l.direction = 'out' AND l.created_at >= @from AND l.created_at < @to
            GROUP BY l.channel
            ORDER BY l.channel
            """;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<ChannelDelivery>(new CommandDefinition(sql, new { merchantId, from, to }, cancellationToken: ct))).AsList();
    }

    /// <summary>Messages not addressed to SMS that a provider accepted by SMS: the WhatsApp-to-SMS fallback.</summary>
    public async Task<long> CountSmsFallbacksAsync(long merchantId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        const string sql = """
            SELECT COUNT(DISTINCT o.id) FROM outbox o
            JOIN message_log l ON l.outbox_id = o.id
            WHERE o.merchant_id = @merchantId AND (o.channel IS NULL OR o.channel <> 'sms')
              AND l.event = 'send' AND l.channel = 'sms' AND l.status = 'accepted'
              AND l.created_at >= @from AND l.created_at < @to
            """;
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { merchantId, from, to }, cancellationToken: ct));
    }

    public static async Task<PeriodTotals> TotalsSinceAsync(DbConnection connection, DbTransaction? transaction, long merchantId,
        DateTimeOffset day, DateTimeOffset week, DateTimeOffset month, CancellationToken ct)
    {
        const string sql = """
            SELECT
                CAST(COALESCE(SUM(CASE WHEN created_at >= @day THEN amount_cents ELSE 0 END), 0) AS bigint) AS day_invoiced_cents,
                CAST(COALESCE(SUM(CASE WHEN created_at >= @day THEN amount_paid_cents ELSE 0 END), 0) AS bigint) AS day_collected_cents,
                CAST(COALESCE(SUM(CASE WHEN created_at >= @week THEN amount_cents ELSE 0 END), 0) AS bigint) AS week_invoiced_cents,
                CAST(COALESCE(SUM(CASE WHEN created_at >= @week THEN amount_paid_cents ELSE 0 END), 0) AS bigint) AS week_collected_cents,
                CAST(COALESCE(SUM(CASE WHEN created_at >= @month THEN amount_cents ELSE 0 END), 0) AS bigint) AS month_invoiced_cents,
                CAST(COALESCE(SUM(CASE WHEN created_at >= @month THEN amount_paid_cents ELSE 0 END), 0) AS bigint) AS month_collected_cents
            FROM invoices
            WHERE merchant_id = @merchantId AND status <> 'CANCELLED' AND (created_at >= @week OR created_at >= @month)
            """;
        return await connection.QuerySingleAsync<PeriodTotals>(
            new CommandDefinition(sql, new { merchantId, day, week, month }, transaction, cancellationToken: ct));
    }
}
