using System.Data.Common;
using InvoiceFirst.Data.Telemetry;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InvoiceFirst.Data.Database;

/// <summary>
/// The one way to reach the database. SQL is written once in the subset PostgreSQL and
/// SQLite share; the few clauses that differ live here.
/// </summary>
public sealed class Db : IAsyncDisposable
{
    /// <summary>What the driver throws while the server is down or has dropped the connection: worth retrying later.</summary>
    public static bool IsUnavailable(Exception ex) => ex is System.Data.Common.DbException or TimeoutException or InvalidOperationException;

    /// <summary>A unique index refused the row (PostgreSQL 23505, SQLite's constraint error).</summary>
    public static bool IsUniqueViolation(DbException ex) =>
        ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } or SqliteException { SqliteErrorCode: 19 };

    private readonly NpgsqlDataSource? _postgres;
    private readonly string _sqliteConnectionString = "";

    // Set while this flow runs the work of InTransactionAsync: a connection opened then is a second one held at once.
    private readonly AsyncLocal<bool> _inTransaction = new();

    public Db(DatabaseTarget target)
    {
        DapperSetup.EnsureConfigured();
        Target = target;
        if (target.Dialect == Dialect.Postgres)
            _postgres = NpgsqlDataSource.Create(PooledSettings(target.ConnectionString));
        else
            _sqliteConnectionString = new SqliteConnectionStringBuilder(target.ConnectionString) { ForeignKeys = true }.ToString();
    }

    public DatabaseTarget Target { get; }

    /// <summary>The one PostgreSQL pool (null on SQLite), for the few that need it directly: the readiness check.</summary>
    public NpgsqlDataSource? PostgresDataSource => _postgres;

    /// <summary>
    /// The bot runs the same few dozen statements all day: prepared once per connection, PostgreSQL
    /// stops parsing and planning them on every call. A connection string that sets
    /// <c>Max Auto Prepare</c> itself keeps its value (0 behind a pooler that cannot keep prepared statements).
    /// A connection goes back to the pool as it is: the bot sets no session state (its advisory locks
    /// are per transaction, the migrator's is released by the migrator), and resetting cost seven
    /// statements on every checkout, a dozen checkouts per invoice.
    /// </summary>
    public static string PooledSettings(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Replace(" ", "").Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase)) builder.MaxAutoPrepare = 64;
        builder.NoResetOnClose = true;
        return builder.ToString();
    }

    public Dialect Dialect => Target.Dialect;

    public bool IsPostgres => Dialect == Dialect.Postgres;

    /// <summary>Row lock for a read-modify-write; SQLite's write transaction already serializes.</summary>
    public string ForUpdate => IsPostgres ? "FOR UPDATE" : "";

    /// <summary>
    /// "Is one of the list in parameter <paramref name="parameter"/>": an array parameter on PostgreSQL, Dapper's list
    /// expansion on SQLite (pass an array).
    /// </summary>
    public string IsOneOf(string parameter) => IsPostgres ? $"= ANY(@{parameter})" : $"IN @{parameter}";

    /// <summary>Queue claim that lets several instances share work without waiting on each other.</summary>
    public string ForUpdateSkipLocked => IsPostgres ? "FOR UPDATE SKIP LOCKED" : "";

    /// <summary>
    /// A connection of its own. Inside <see cref="InTransactionAsync{T}"/> use the transaction's connection instead: a
    /// second checkout while the first is held waits forever once every pooled connection is held the same way (on
    /// SQLite it waits on the transaction's write lock). Counted in production, refused when
    /// <see cref="DatabaseTarget.ForbidNestedConnections"/> is set.
    /// </summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (_inTransaction.Value)
        {
            if (Target.ForbidNestedConnections)
                throw new InvalidOperationException(
                    "A second database connection was opened inside Db.InTransactionAsync: pass the transaction's connection and transaction down instead (a nested checkout can deadlock the pool)");
            InvoiceFirstMetrics.NestedConnections.Inc();
        }
        if (_postgres is not null)
            return await _postgres.OpenConnectionAsync(ct);

        var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction on one connection and commits it.
    /// On SQLite the transaction takes the write lock up front (BEGIN IMMEDIATE), so
    /// read-then-write sequences cannot deadlock on a lock upgrade.
    /// </summary>
    public async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: false)
            : await connection.BeginTransactionAsync(ct);
        T result;
        var outer = _inTransaction.Value;
        _inTransaction.Value = true;
        try
        {
            result = await work(connection, transaction);
        }
        finally
        {
            _inTransaction.Value = outer;
        }
        await transaction.CommitAsync(ct);
        return result;
    }

    public Task InTransactionAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken ct) =>
        InTransactionAsync<bool>(async (c, t) => { await work(c, t); return true; }, ct);

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}
