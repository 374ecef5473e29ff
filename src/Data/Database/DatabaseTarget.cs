using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace InvoiceFirst.Data.Database;

/// <summary>
/// Which database the process talks to: PostgreSQL from <c>ConnectionStrings:Default</c> or
/// <c>DATABASE_URL</c>, otherwise an embedded SQLite file in <c>App:DataDirectory</c>.
/// </summary>
public sealed record DatabaseTarget(Dialect Dialect, string ConnectionString)
{
    /// <summary>
    /// A second connection opened inside a transaction throws instead of being counted
    /// (<c>Database:ForbidNestedConnections</c>; the tests turn it on, production leaves it off).
    /// </summary>
    public bool ForbidNestedConnections { get; init; }

    public static DatabaseTarget FromConfiguration(IConfiguration configuration) =>
        Locate(configuration) with { ForbidNestedConnections = configuration.GetValue("Database:ForbidNestedConnections", false) };

    private static DatabaseTarget Locate(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Default");
        if (!string.IsNullOrWhiteSpace(connectionString))
            return new DatabaseTarget(Dialect.Postgres, connectionString);

        var url = configuration["DATABASE_URL"];
        if (!string.IsNullOrWhiteSpace(url))
            return new DatabaseTarget(Dialect.Postgres, PostgresUrl.ToConnectionString(url));

        var directory = configuration["App:DataDirectory"];
        if (string.IsNullOrWhiteSpace(directory)) directory = "./data";
        Directory.CreateDirectory(directory);
        return Sqlite(Path.Combine(directory, "invoicefirst.db"));
    }

    public static DatabaseTarget Sqlite(string path) =>
        new(Dialect.Sqlite, new SqliteConnectionStringBuilder
        {
            DataSource = Path.GetFullPath(path),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString());

    /// <summary>Host and database only: safe to log.</summary>
    public string Describe()
    {
        if (Dialect == Dialect.Sqlite)
            return $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}";
        var b = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database}";
    }
}
