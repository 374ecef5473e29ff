using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Ops;

/// <summary>One merchant's invoices since a moment (cancelled ones left out, as in the stats).</summary>
public sealed record MerchantVolume
{
    public long MerchantId { get; init; }
    public long Invoices { get; init; }
    public long InvoicedCents { get; init; }
    public long CollectedCents { get; init; }
}

public sealed class MerchantVolumeRepository(Db db)
{
    /// <summary>The volumes of the merchants listed, in one statement; a merchant with no invoices has no row.</summary>
    public async Task<IReadOnlyDictionary<long, MerchantVolume>> SinceAsync(IReadOnlyCollection<long> merchantIds, DateTimeOffset since,
        CancellationToken ct)
    {
        if (merchantIds.Count == 0) return new Dictionary<long, MerchantVolume>();
        var sql = $"""
            SELECT merchant_id, count(*) AS invoices,
                   CAST(COALESCE(SUM(amount_cents), 0) AS bigint) AS invoiced_cents,
                   CAST(COALESCE(SUM(amount_paid_cents), 0) AS bigint) AS collected_cents
            FROM invoices
            WHERE merchant_id {db.IsOneOf("merchantIds")} AND created_at >= @since AND status <> 'CANCELLED'
            GROUP BY merchant_id
            """;
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<MerchantVolume>(new CommandDefinition(sql, new { merchantIds = merchantIds.ToArray(), since }, cancellationToken: ct));
        return rows.ToDictionary(r => r.MerchantId);
    }
}
