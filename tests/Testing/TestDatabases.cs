using InvoiceFirst.Data.Database;
using InvoiceFirst.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace InvoiceFirst.Testing;

/// <summary>Fresh, migrated databases of either dialect, one per call.</summary>
public static class TestDatabases
{
    public static readonly TheoryData<Dialect> BothDialects = new() { Dialect.Postgres, Dialect.Sqlite };

    /// <summary>A fresh database; a second connection opened inside one of its transactions throws (a pool deadlock under load).</summary>
    public static async Task<DatabaseTarget> CreateAsync(Dialect dialect, string prefix = "test")
    {
        if (dialect == Dialect.Sqlite)
        {
            var directory = Directory.CreateTempSubdirectory("invoicefirst-sqlite-").FullName;
            return DatabaseTarget.Sqlite(Path.Combine(directory, "test.db")) with { ForbidNestedConnections = true };
        }
        var server = await PostgresServer.SharedAsync();
        return new DatabaseTarget(Dialect.Postgres, await server.CreateDatabaseAsync(prefix)) { ForbidNestedConnections = true };
    }

    public static async Task<Db> CreateMigratedAsync(Dialect dialect, string prefix = "test")
    {
        var db = new Db(await CreateAsync(dialect, prefix));
        await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
        return db;
    }
}
