using System.Data.Common;
using System.Globalization;
using Dapper;

namespace InvoiceFirst.Data.Invoices;

/// <summary>
/// Hands out INV-0001, INV-0002, … per merchant. The counter is bumped by one atomic UPDATE
/// inside the caller's transaction: concurrent callers (any instance) queue on the merchant
/// row, and a rolled-back invoice gives its number back, so numbers are unique and gap-free.
/// </summary>
public static class InvoiceNumberAllocator
{
    /// <summary>Numbers are M-PESA account references, which allow 12 characters.</summary>
    public const int MaxLength = 12;

    public static async Task<string> NextAsync(DbConnection connection, DbTransaction transaction, long merchantId, CancellationToken ct)
    {
        const string sql = "UPDATE merchants SET invoice_seq = invoice_seq + 1 WHERE id = @merchantId RETURNING invoice_seq";
        var seq = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql, new { merchantId }, transaction, cancellationToken: ct))
            ?? throw new InvalidOperationException($"Merchant {merchantId} does not exist");
        return Format(seq);
    }

    public static string Format(long seq)
    {
        var number = "INV-" + seq.ToString("D4", CultureInfo.InvariantCulture);
        if (number.Length > MaxLength) throw new InvalidOperationException("Invoice numbers exhausted for this merchant");
        return number;
    }
}
