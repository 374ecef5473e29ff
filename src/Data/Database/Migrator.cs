using System.Reflection;
using Dapper;
using DbUp;
using DbUp.Engine;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace InvoiceFirst.Data.Database;

/// <summary>
/// Applies the embedded, numbered, forward-only migrations of the current dialect and records
/// them in a journal table; applying them again is a no-op. On PostgreSQL an advisory lock
/// makes concurrent starts of several instances take turns.
/// </summary>
public sealed class Migrator(Db db, ILogger<Migrator> logger)
{
    // Arbitrary but fixed: every instance must ask for the same lock.
    private const long AdvisoryLockKey = 0x1F_0A_CE_F1;

    public async Task MigrateAsync(CancellationToken ct)
    {
        if (!db.IsPostgres)
        {
            await EnableWalAsync(ct);
            Run();
            return;
        }

        await using var lockConnection = (NpgsqlConnection)await db.OpenAsync(ct);
        await lockConnection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: ct));
        try
        {
            Run();
        }
        finally
        {
            await lockConnection.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key = AdvisoryLockKey });
        }
    }

    /// <summary>True when every embedded migration is recorded in the journal.</summary>
    public bool IsUpToDate() => !BuildEngine(quiet: true).IsUpgradeRequired();

    private void Run()
    {
        var result = BuildEngine(quiet: false).PerformUpgrade();
        if (!result.Successful)
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed: {result.Error?.Message}", result.Error);
        foreach (var script in result.Scripts)
            logger.LogInformation("Applied migration {Migration}", script.Name);
    }

    private UpgradeEngine BuildEngine(bool quiet)
    {
        var folder = db.IsPostgres ? ".Migrations.Postgres." : ".Migrations.Sqlite.";
        var builder = db.IsPostgres
            ? DeployChanges.To.PostgresqlDatabase(db.Target.ConnectionString)
            : DeployChanges.To.SqliteDatabase(db.Target.ConnectionString);
        builder = builder
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.Contains(folder, StringComparison.Ordinal))
            .WithTransactionPerScript();
        return (quiet ? builder.LogToNowhere() : builder.LogTo(logger)).Build();
    }

    private async Task EnableWalAsync(CancellationToken ct)
    {
        // WAL lets readers (the pay page, /readyz) proceed while a worker writes.
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL", cancellationToken: ct));
    }
}
