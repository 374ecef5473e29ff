using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace InvoiceFirst.Data.Tests.Database;

public sealed class MigratorTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task MigrateAsync_RunTwice_SecondRunChangesNothing(Dialect dialect)
    {
        await using var db = new Db(await TestDatabases.CreateAsync(dialect, "migrate"));
        var migrator = new Migrator(db, NullLogger<Migrator>.Instance);
        Assert.False(migrator.IsUpToDate());

        await migrator.MigrateAsync(CancellationToken.None);
        var before = await SchemaAsync(db);
        await migrator.MigrateAsync(CancellationToken.None);

        Assert.True(migrator.IsUpToDate());
        Assert.Equal(before, await SchemaAsync(db));
        Assert.Contains("invoices", before);
        Assert.Contains("outbox", before);
    }

    [Fact]
    public async Task MigrateAsync_ConcurrentStartsOnPostgres_AllSucceedOnce()
    {
        await using var db = new Db(await TestDatabases.CreateAsync(Dialect.Postgres, "race"));
        var starts = Enumerable.Range(0, 4).Select(_ => new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None));

        await Task.WhenAll(starts);

        await using var connection = await db.OpenAsync(CancellationToken.None);
        var journal = await connection.QueryAsync<string>("SELECT scriptname FROM schemaversions");
        Assert.Equal(journal.Distinct().Count(), journal.Count());
        Assert.NotEmpty(journal);
    }

    private static async Task<string> SchemaAsync(Db db)
    {
        var sql = db.IsPostgres
            ? "SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1"
            : "SELECT m.name || '.' || p.name || ':' || p.type FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' ORDER BY 1";
        await using var connection = await db.OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<string>(sql);
        var count = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schemaversions");
        return string.Join('\n', rows) + $"\njournal:{count}";
    }
}
