using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Outbox;

/// <summary>SMS sends per merchant per (Nairobi) day, counted in the database so every instance shares one cap.</summary>
public sealed class SmsUsageRepository(Db db)
{
    /// <summary>Counts one send unless the day's count has reached <paramref name="cap"/>; false when it has.</summary>
    public async Task<bool> TryTakeAsync(long merchantId, string day, int cap, CancellationToken ct)
    {
        // One statement: two instances racing for the last SMS cannot both get it.
        const string sql = """
            INSERT INTO sms_usage (merchant_id, day, sent) VALUES (@merchantId, @day, 1)
            ON CONFLICT (merchant_id, day) DO UPDATE SET sent = sms_usage.sent + 1 WHERE sms_usage.sent < @cap
            RETURNING sent
            """;
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(sql, new { merchantId, day, cap }, cancellationToken: ct)) is not null;
    }
}
