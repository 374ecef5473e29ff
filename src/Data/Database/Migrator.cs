using System.Reflection;
using Dapper;
using DbUp;
using DbUp.Engine;
using Microsoft.Data.Sqlite;
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
            await CheckForeignKeysAsync(ct);
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
            : DeployChanges.To.SqliteDatabase(SqliteWithoutForeignKeys);
        builder = builder
            .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.Contains(folder, StringComparison.Ordinal))
            .WithTransactionPerScript();
        return (quiet ? builder.LogToNowhere() : builder.LogTo(logger)).Build();
    }

    /// <summary>
    /// SQLite changes a table by rebuilding it, which must happen with foreign keys off (they cannot be
    /// switched inside the script's transaction); <see cref="CheckForeignKeysAsync"/> then proves every link still holds.
    /// </summary>
    private string SqliteWithoutForeignKeys =>
        new SqliteConnectionStringBuilder(db.Target.ConnectionString) { ForeignKeys = false }.ToString();

    private async Task CheckForeignKeysAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var broken = (await connection.QueryAsync<string>(new CommandDefinition("SELECT \"table\" FROM pragma_foreign_key_check", cancellationToken: ct))).ToList();
        if (broken.Count > 0)
            throw new InvalidOperationException($"Migrations left broken foreign keys in {string.Join(", ", broken.Distinct())}");
    }

    private async Task EnableWalAsync(CancellationToken ct)
    {
        // WAL lets readers (the pay page, /readyz) proceed while a worker writes.
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL", cancellationToken: ct));
    }
}
