using System.Data.Common;
using Dapper;

namespace InvoiceFirst.Data.Products;

/// <summary>The merchant's product list. Names are unique per merchant ignoring case (the unique index).</summary>
public static class ProductRepository
{
    private const string Columns = "id, name, unit_amount_cents";

    /// <summary>Saves the item, or gives the one of that name (any case) its new spelling and price.</summary>
    public static Task<Product> UpsertAsync(DbConnection connection, DbTransaction transaction, long merchantId, string name,
        long unitAmountCents, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = $"""
            INSERT INTO products (merchant_id, name, unit_amount_cents, created_at, updated_at)
            VALUES (@merchantId, @name, @unitAmountCents, @now, @now)
            ON CONFLICT (merchant_id, lower(name)) DO UPDATE
                SET name = excluded.name, unit_amount_cents = excluded.unit_amount_cents, updated_at = excluded.updated_at
            RETURNING {Columns}
            """;
        return connection.QuerySingleAsync<Product>(new CommandDefinition(sql, new { merchantId, name, unitAmountCents, now }, transaction,
            cancellationToken: ct));
    }

    /// <summary>Removes the item of exactly that name (any case); null when there is none.</summary>
    public static Task<Product?> RemoveAsync(DbConnection connection, DbTransaction transaction, long merchantId, string name, CancellationToken ct)
    {
        const string sql = $"DELETE FROM products WHERE merchant_id = @merchantId AND lower(name) = lower(@name) RETURNING {Columns}";
        return connection.QuerySingleOrDefaultAsync<Product>(new CommandDefinition(sql, new { merchantId, name }, transaction, cancellationToken: ct));
    }

    /// <summary>All of the merchant's items by name (a product list is short: it is read whole to match names in an invoice).</summary>
    public static async Task<IReadOnlyList<Product>> ListAsync(DbConnection connection, DbTransaction? transaction, long merchantId,
        CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM products WHERE merchant_id = @merchantId ORDER BY lower(name) LIMIT 500";
        var rows = await connection.QueryAsync<Product>(new CommandDefinition(sql, new { merchantId }, transaction, cancellationToken: ct));
        return rows.AsList();
    }
}
