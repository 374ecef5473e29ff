using InvoiceFirst.Data.Database;
using InvoiceFirst.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace InvoiceFirst.Bench.Hosting;

/// <summary>
/// Fresh databases on the PostgreSQL the integration tests use: <c>TEST_DATABASE_URL</c> when set,
/// else a throwaway cluster from this machine's binaries (started once per run).
/// </summary>
public static class BenchDatabase
{
    public static async Task<string> CreateAsync(string prefix)
    {
        var server = await PostgresServer.SharedAsync();
        var connectionString = await server.CreateDatabaseAsync(prefix);
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 50 }.ConnectionString;
    }

    /// <summary>Creates and migrates, so that seeding can run before the bot starts.</summary>
    public static async Task<string> CreateMigratedAsync(string prefix)
    {
        var connectionString = await CreateAsync(prefix);
        var db = new Db(new DatabaseTarget(Dialect.Postgres, connectionString));
        await new Migrator(db, NullLogger<Migrator>.Instance).MigrateAsync(CancellationToken.None);
        return connectionString;
    }

    public static async Task<string> ServerVersionAsync()
    {
        await using var c = new NpgsqlConnection((await PostgresServer.SharedAsync()).AdminConnectionString);
        return await c.ExecuteScalarAsync<string>("SHOW server_version") ?? "?";
    }
}
