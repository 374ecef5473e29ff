using System.Data.Common;
using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Data.Customers;

public sealed class CustomerRepository(Db db)
{
    /// <summary>Adds the number to the merchant's address book; a new name replaces the saved one.</summary>
    public static async Task<Customer> UpsertAsync(DbConnection connection, DbTransaction transaction,
        long merchantId, string msisdn, string? name, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            INSERT INTO customers (merchant_id, msisdn, name, created_at, updated_at)
            VALUES (@merchantId, @msisdn, @name, @now, @now)
            ON CONFLICT (merchant_id, msisdn) DO UPDATE
                SET name = COALESCE(excluded.name, customers.name), updated_at = excluded.updated_at
            RETURNING id, merchant_id, msisdn, name
            """;
        return await connection.QuerySingleAsync<Customer>(
            new CommandDefinition(sql, new { merchantId, msisdn, name, now }, transaction, cancellationToken: ct));
    }

    /// <summary>Saved customers whose name matches, case-insensitively; more than one means ambiguous.</summary>
    public async Task<IReadOnlyList<Customer>> FindByNameAsync(long merchantId, string name, CancellationToken ct)
    {
        const string sql = """
            SELECT id, merchant_id, msisdn, name FROM customers
            WHERE merchant_id = @merchantId AND lower(name) = lower(@name)
            ORDER BY updated_at DESC LIMIT 5
            """;
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Customer>(new CommandDefinition(sql, new { merchantId, name = name.Trim() }, cancellationToken: ct));
        return rows.AsList();
    }
}
