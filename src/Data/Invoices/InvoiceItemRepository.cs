using System.Data.Common;
using Dapper;

namespace InvoiceFirst.Data.Invoices;

/// <summary>The lines of an invoice; every statement names the merchant as well as the invoice.</summary>
public static class InvoiceItemRepository
{
    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, long merchantId, string invoiceId,
        IReadOnlyList<InvoiceItem> items, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO invoice_items (merchant_id, invoice_id, position, description, quantity, unit_amount_cents, amount_cents)
            VALUES (@merchantId, @invoiceId, @Position, @Description, @Quantity, @UnitAmountCents, @AmountCents)
            """;
        var rows = items.Select(i => new { merchantId, invoiceId, i.Position, i.Description, i.Quantity, i.UnitAmountCents, i.AmountCents });
        await connection.ExecuteAsync(new CommandDefinition(sql, rows, transaction, cancellationToken: ct));
    }

    /// <summary>The invoice's lines in order; none for a single-amount invoice (or another merchant's).</summary>
    public static async Task<IReadOnlyList<InvoiceItem>> ListAsync(DbConnection connection, DbTransaction? transaction, long merchantId,
        string invoiceId, CancellationToken ct)
    {
        const string sql = """
            SELECT position, description, quantity, unit_amount_cents FROM invoice_items
            WHERE merchant_id = @merchantId AND invoice_id = @invoiceId
            ORDER BY position
            """;
        var rows = await connection.QueryAsync<InvoiceItem>(new CommandDefinition(sql, new { merchantId, invoiceId }, transaction, cancellationToken: ct));
        return rows.AsList();
    }
}
