using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Merchants;

/// <summary>Who asked for the evening summary (chat: <c>summary on|off</c>).</summary>
public sealed class MerchantSummaryRepository(Db db)
{
    public static async Task SetAsync(DbConnection connection, DbTransaction transaction, long merchantId, bool enabled,
        DateTimeOffset now, CancellationToken ct)
    {
        const string sql = "UPDATE merchants SET summary_enabled = @enabled, updated_at = @now WHERE id = @merchantId";
        await connection.ExecuteAsync(new CommandDefinition(sql, new { merchantId, enabled, now }, transaction, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<Merchant>> ListOptedInAsync(CancellationToken ct)
    {
        // A merchant the operator paused (or has not approved) gets no summary.
        const string sql = $"""
            SELECT {MerchantRepository.Columns} FROM merchants
            WHERE summary_enabled = @enabled AND status = @active ORDER BY id
            """;
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<Merchant>(new CommandDefinition(sql, new { enabled = true, active = MerchantStatus.Active },
            cancellationToken: ct))).AsList();
    }
}
