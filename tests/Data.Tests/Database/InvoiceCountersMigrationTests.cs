using Dapper;
using DbUp;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace InvoiceFirst.Data.Tests.Database;

/// <summary>0026 moves each merchant's invoice numbering and daily count off the merchants row, under a database in use.</summary>
public sealed class InvoiceCountersMigrationTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Migration0026_NumbersAndTodaysCountCarryOn_AMerchantWithNoInvoiceStartsAtOne(Dialect dialect)
    {
        await using var db = new Db(await TestDatabases.CreateAsync(dialect, "counters"));
        UpgradeThrough0025(db);
        await using (var c = await db.OpenAsync(default))
            await c.ExecuteAsync("""
                INSERT INTO merchants (phone, name, invoice_seq, invoice_day, invoice_day_count, created_at, updated_at)
                VALUES ('254700000001', 'Acme', 41, @day, 3, @At, @At);
                INSERT INTO merchants (phone, name, created_at, updated_at) VALUES ('254700000002', 'Duka', @At, @At);
                """, new { day = DailyLimit.Day(At), At });

        await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(default);

        Task<string?> NextAsync(long merchantId) => db.InTransactionAsync((c, t) =>
            InvoiceNumberAllocator.NextAsync(c, t, merchantId, new DailyLimit(4), At, default), default);
        Assert.Equal("INV-0042", await NextAsync(1));
        Assert.Null(await NextAsync(1)); // the fourth of the day was the limit
        Assert.Equal("INV-0001", await NextAsync(2));
        await using var after = await db.OpenAsync(default);
        Assert.DoesNotContain("invoice_seq", string.Join(',', await ColumnsAsync(after, db, "merchants")));
    }

    private static Task<IEnumerable<string>> ColumnsAsync(System.Data.Common.DbConnection c, Db db, string table) =>
        c.QueryAsync<string>(db.IsPostgres
            ? "SELECT column_name FROM information_schema.columns WHERE table_name = @table"
            : "SELECT name FROM pragma_table_info(@table)", new { table });

    private static void UpgradeThrough0025(Db db)
    {
        var folder = db.IsPostgres ? ".Migrations.Postgres." : ".Migrations.Sqlite.";
        var builder = db.IsPostgres ? DeployChanges.To.PostgresqlDatabase(db.Target.ConnectionString) : DeployChanges.To.SqliteDatabase(db.Target.ConnectionString);
        var result = builder
            .WithScriptsEmbeddedInAssembly(typeof(Db).Assembly, n => n.Contains(folder, StringComparison.Ordinal)
                && string.CompareOrdinal(n[(n.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..], "0026_") < 0)
            .WithTransactionPerScript().LogToNowhere().Build().PerformUpgrade();
        Assert.True(result.Successful, result.Error?.Message);
    }
}
