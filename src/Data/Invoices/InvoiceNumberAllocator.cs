using System.Data.Common;
using System.Globalization;
using Dapper;
using InvoiceFirst.Data.Merchants;

namespace InvoiceFirst.Data.Invoices;

/// <summary>
/// Hands out INV-0001, INV-0002, … per merchant and counts the invoice against the merchant's daily limit, in one
/// atomic upsert of the merchant's <c>invoice_counters</c> row inside the caller's transaction: concurrent callers (any
/// instance) queue on the row, and a rolled-back invoice gives back both its number and its place in the day's count,
/// so numbers are unique and gap-free and the count is exact. The counter is not on the merchants row, which every
/// insert referencing the merchant locks (see migration 0026).
/// </summary>
public static class InvoiceNumberAllocator
{
    /// <summary>Numbers are M-PESA account references, which allow 12 characters.</summary>
    public const int MaxLength = 12;

    /// <summary>The next number, or null (and nothing changed) when the Nairobi day's count has reached <paramref name="limit"/>.</summary>
    public static async Task<string?> NextAsync(DbConnection connection, DbTransaction transaction, long merchantId, DailyLimit limit,
        DateTimeOffset now, CancellationToken ct)
    {
        // A merchant's first invoice inserts the row. SET reads the old values on both databases, so the day is compared
        // before it is overwritten; a WHERE that fails updates nothing and returns no row.
        const string sql = """
            INSERT INTO invoice_counters (merchant_id, seq, day, day_count)
            SELECT @merchantId, 1, @day, 1 WHERE @cap > 0
            ON CONFLICT (merchant_id) DO UPDATE
            SET seq = invoice_counters.seq + 1,
                day_count = CASE WHEN invoice_counters.day = excluded.day THEN invoice_counters.day_count + 1 ELSE 1 END,
                day = excluded.day
            WHERE @cap > 0
              AND (invoice_counters.day IS NULL OR invoice_counters.day <> excluded.day OR invoice_counters.day_count < @cap)
            RETURNING seq
            """;
        var seq = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql,
            new { merchantId, day = DailyLimit.Day(now), cap = limit.Value ?? int.MaxValue }, transaction, cancellationToken: ct));
        return seq is { } n ? Format(n) : null;
    }

    public static string Format(long seq)
    {
        var number = "INV-" + seq.ToString("D4", CultureInfo.InvariantCulture);
        if (number.Length > MaxLength) throw new InvalidOperationException("Invoice numbers exhausted for this merchant");
        return number;
    }
}
