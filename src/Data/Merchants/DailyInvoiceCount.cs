using System.Data.Common;
using Dapper;

namespace InvoiceFirst.Data.Merchants;

/// <summary>
/// Invoices a merchant made this Nairobi day, counted on its row in the invoice's own transaction: a rolled-back
/// invoice gives its place back, and concurrent creators (any instance) queue on the row the number allocator locks anyway.
/// </summary>
public static class DailyInvoiceCount
{
    /// <summary>Counts one invoice unless the day's count has reached <paramref name="limit"/>; false (and nothing changed) when it has.</summary>
    public static async Task<bool> TryTakeAsync(DbConnection c, DbTransaction t, long merchantId, DailyLimit limit, DateTimeOffset now,
        CancellationToken ct)
    {
        // SET reads the old values on both databases, so the day is compared before it is overwritten.
        const string sql = """
            UPDATE merchants
            SET invoice_day_count = CASE WHEN invoice_day = @day THEN invoice_day_count + 1 ELSE 1 END, invoice_day = @day
            WHERE id = @merchantId AND (invoice_day IS NULL OR invoice_day <> @day OR invoice_day_count < @cap)
            """;
        var cap = limit.Value ?? int.MaxValue;
        return await c.ExecuteAsync(new CommandDefinition(sql, new { merchantId, day = DailyLimit.Day(now), cap }, t, cancellationToken: ct)) == 1;
    }
}
