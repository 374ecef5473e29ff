using System.Data.Common;
using Dapper;

namespace InvoiceFirst.Data.Customers;

/// <summary>
/// The merchant's address book: one row per phone, with the name the merchant uses for it. Every
/// statement names the merchant; erased customers (a pseudonym instead of a number) are not listed.
/// </summary>
public static class CustomerRepository
{
    private const string Columns = "id, merchant_id, msisdn, name";

    /// <summary>
    /// Adds the number to the address book. A saved name is kept: a name typed on one invoice is that
    /// invoice's, and renaming the customer is asked first (<see cref="RenameAsync"/>). A customer saved
    /// without a name takes the first one given.
    /// </summary>
    public static async Task<Customer> UpsertAsync(DbConnection connection, DbTransaction transaction,
        long merchantId, string msisdn, string? name, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = $"""
            INSERT INTO customers (merchant_id, msisdn, name, created_at, updated_at)
            VALUES (@merchantId, @msisdn, @name, @now, @now)
            ON CONFLICT (merchant_id, msisdn) DO UPDATE
                SET name = COALESCE(customers.name, excluded.name), updated_at = excluded.updated_at
            RETURNING {Columns}
            """;
        return await connection.QuerySingleAsync<Customer>(
            new CommandDefinition(sql, new { merchantId, msisdn, name, now }, transaction, cancellationToken: ct));
    }

    public static Task<Customer?> GetByMsisdnAsync(DbConnection connection, DbTransaction? transaction, long merchantId, string msisdn,
        CancellationToken ct)
    {
        const string sql = $"SELECT {Columns} FROM customers WHERE merchant_id = @merchantId AND msisdn = @msisdn";
        return connection.QuerySingleOrDefaultAsync<Customer>(
            new CommandDefinition(sql, new { merchantId, msisdn }, transaction, cancellationToken: ct));
    }

    /// <summary>Gives a saved phone the name the merchant now uses; false when the phone is not in the book.</summary>
    public static async Task<bool> RenameAsync(DbConnection connection, DbTransaction transaction, long merchantId, string msisdn,
        string name, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = "UPDATE customers SET name = @name, updated_at = @now WHERE merchant_id = @merchantId AND msisdn = @msisdn";
        return await connection.ExecuteAsync(
            new CommandDefinition(sql, new { merchantId, msisdn, name, now }, transaction, cancellationToken: ct)) == 1;
    }

    /// <summary>
    /// Saved customers whose name starts with <paramref name="name"/>, ignoring case; exact matches first.
    /// The caller decides: one exact match or one prefix match is that customer, several ask which.
    /// </summary>
    public static async Task<IReadOnlyList<Customer>> FindByNameAsync(DbConnection connection, DbTransaction? transaction,
        long merchantId, string name, int limit, CancellationToken ct)
    {
        const string sql = $"""
            SELECT {Columns} FROM customers
            WHERE merchant_id = @merchantId AND name IS NOT NULL AND lower(name) LIKE lower(@prefix) ESCAPE '\'
            ORDER BY CASE WHEN lower(name) = lower(@name) THEN 0 ELSE 1 END, lower(name), msisdn
            LIMIT @limit
            """;
        var trimmed = name.Trim();
        var rows = await connection.QueryAsync<Customer>(new CommandDefinition(sql,
            new { merchantId, name = trimmed, prefix = EscapeLike(trimmed) + "%", limit }, transaction, cancellationToken: ct));
        return rows.AsList();
    }

    public static Task<long> CountAsync(DbConnection connection, DbTransaction? transaction, long merchantId, CancellationToken ct)
    {
        const string sql = "SELECT COUNT(*) FROM customers WHERE merchant_id = @merchantId AND msisdn NOT LIKE 'erased-%'";
        return connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new { merchantId }, transaction, cancellationToken: ct));
    }

    /// <summary>One page of the address book: named customers by name, then numbers saved without one.</summary>
    public static async Task<IReadOnlyList<Customer>> ListAsync(DbConnection connection, DbTransaction? transaction, long merchantId,
        int limit, int offset, CancellationToken ct)
    {
        const string sql = $"""
            SELECT {Columns} FROM customers
            WHERE merchant_id = @merchantId AND msisdn NOT LIKE 'erased-%'
            ORDER BY CASE WHEN name IS NULL THEN 1 ELSE 0 END, lower(name), msisdn
            LIMIT @limit OFFSET @offset
            """;
        var rows = await connection.QueryAsync<Customer>(
            new CommandDefinition(sql, new { merchantId, limit, offset }, transaction, cancellationToken: ct));
        return rows.AsList();
    }

    private static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
