using System.Reflection;
using Dapper;
using DbUp;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace InvoiceFirst.Data.Tests.Database;

/// <summary>0004 relaxes the CHECK on customers.msisdn (a table rebuild on SQLite) under a database already in use.</summary>
public sealed class ErasureMigrationTests
{
    private const string Pseudonym = "erased-0123456789abcdef";
    private static readonly DateTimeOffset At = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Migration0004_OnADatabaseWithData_KeepsRowsAndLinksAndAdmitsOnlyNumbersOrPseudonyms(Dialect dialect)
    {
        await using var db = new Db(await TestDatabases.CreateAsync(dialect, "erasure"));
        UpgradeTo0003(db);
        await SeedAsync(db);

        await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(default);

        await using var c = await db.OpenAsync(default);
        Assert.Equal(["254712345678:Jane", "254798765432:"], await c.QueryAsync<string>(
            "SELECT c.msisdn || ':' || coalesce(c.name, '') FROM invoices i JOIN customers c ON c.id = i.customer_id ORDER BY i.id"));
        await c.ExecuteAsync("UPDATE customers SET msisdn = @Pseudonym WHERE id = 1", new { Pseudonym });
        await AssertRefusedAsync(c, "UPDATE customers SET msisdn = 'erased-someone' WHERE id = 2");
        await AssertRefusedAsync(c, "UPDATE customers SET msisdn = '0712345678' WHERE id = 2");
        await AssertRefusedAsync(c, "UPDATE customers SET msisdn = @Pseudonym WHERE id = 2", new { Pseudonym });
        await AssertRefusedAsync(c, "INSERT INTO customers (merchant_id, msisdn, created_at, updated_at) VALUES (99, '254711111111', @At, @At)", new { At });
        await AssertRefusedAsync(c, "DELETE FROM customers WHERE id = 2");
        await c.ExecuteAsync("INSERT INTO customers (merchant_id, msisdn, created_at, updated_at) VALUES (1, '254712345678', @At, @At)", new { At });
        if (dialect == Dialect.Sqlite)
        {
            Assert.Empty(await c.QueryAsync<string>("SELECT \"table\" FROM pragma_foreign_key_check"));
            Assert.Contains("customers_merchant_name", await c.QueryAsync<string>("SELECT name FROM pragma_index_list('customers')"));
            Assert.Equal(["customers"], await c.QueryAsync<string>("SELECT \"table\" FROM pragma_foreign_key_list('invoices') WHERE \"from\" = 'customer_id'"));
        }
    }

    private static void UpgradeTo0003(Db db)
    {
        var folder = db.IsPostgres ? ".Migrations.Postgres." : ".Migrations.Sqlite.";
        var builder = db.IsPostgres ? DeployChanges.To.PostgresqlDatabase(db.Target.ConnectionString) : DeployChanges.To.SqliteDatabase(db.Target.ConnectionString);
        var result = builder
            .WithScriptsEmbeddedInAssembly(typeof(Db).Assembly, n => n.Contains(folder, StringComparison.Ordinal) && !n.Contains("0004_", StringComparison.Ordinal))
            .WithTransactionPerScript().LogToNowhere().Build().PerformUpgrade();
        Assert.True(result.Successful, result.Error?.Message);
    }

    private static async Task SeedAsync(Db db)
    {
        await using var c = await db.OpenAsync(default);
        await c.ExecuteAsync("INSERT INTO merchants (phone, name, created_at, updated_at) VALUES ('254700000001', 'Acme', @At, @At)", new { At });
        await c.ExecuteAsync("""
            INSERT INTO customers (merchant_id, msisdn, name, created_at, updated_at) VALUES (1, '254712345678', 'Jane', @At, @At);
            INSERT INTO customers (merchant_id, msisdn, name, created_at, updated_at) VALUES (1, '254798765432', NULL, @At, @At);
            """, new { At });
        foreach (var (id, customer) in new[] { ("a1", 1), ("a2", 2) })
        {
            await c.ExecuteAsync("""
                INSERT INTO invoices (id, merchant_id, customer_id, number, msisdn, description, amount_cents, status, pay_token, created_at, updated_at, expires_at)
                SELECT @id, 1, id, @id, msisdn, 'Design', 150000, 'SENT', @id, @At, @At, @At FROM customers WHERE id = @customer
                """, new { id, customer, At });
        }
    }

    private static async Task AssertRefusedAsync(System.Data.Common.DbConnection c, string sql, object? args = null) =>
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => c.ExecuteAsync(sql, args));
}
