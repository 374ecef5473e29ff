using System.Data.Common;
using System.Globalization;
using Dapper;
using InvoiceFirst.Data.Merchants;

namespace InvoiceFirst.Data.Invoices;

/// <summary>
/// Hands out INV-0001, INV-0002, … per merchant and counts the invoice against the merchant's daily limit, in one
/// atomic UPDATE of the merchant's row inside the caller's transaction: concurrent callers (any instance) queue on the
/// row, and a rolled-back invoice gives back both its number and its place in the day's count, so numbers are unique
/// and gap-free and the count is exact.
/// </summary>
public static class InvoiceNumberAllocator
{
    /// <summary>Numbers are M-PESA account references, which allow 12 characters.</summary>
    public const int MaxLength = 12;

    /// <summary>The next number, or null (and nothing changed) when the Nairobi day's count has reached <paramref name="limit"/>.</summary>
    public static async Task<string?> NextAsync(DbConnection connection, DbTransaction transaction, long merchantId, DailyLimit limit,
        DateTimeOffset now, CancellationToken ct)
    {
        // SET reads the old values on both databases, so the day is compared before it is overwritten.
        const string sql = """
            UPDATE merchants
            SET invoice_seq = invoice_seq + 1,
                invoice_day_count = CASE WHEN invoice_day = @day THEN invoice_day_count + 1 ELSE 1 END, invoice_day = @day
            WHERE id = @merchantId AND (invoice_day IS NULL OR invoice_day <> @day OR invoice_day_count < @cap)
            RETURNING invoice_seq
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
