using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace InvoiceFirst.Testing.Postgres;

/// <summary>
/// A real PostgreSQL for tests: <c>TEST_DATABASE_URL</c> when set, otherwise a throwaway cluster
/// started from the PostgreSQL binaries on this machine in a temporary directory on a free port.
/// There is no fallback: without PostgreSQL the tests fail and say how to provide one.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(StartNewAsync);

    private readonly string? _dataDirectory;
    private readonly string? _binDirectory;
    private readonly int _port;

    private PostgresServer(string adminConnectionString, string? binDirectory = null, string? dataDirectory = null, int port = 0)
    {
        AdminConnectionString = adminConnectionString;
        _binDirectory = binDirectory;
        _dataDirectory = dataDirectory;
        _port = port;
    }

    /// <summary>One server per test process, stopped when the process exits.</summary>
    public static Task<PostgresServer> SharedAsync() => SharedServer.Value;

    public string AdminConnectionString { get; }

    /// <summary>True when this process started the cluster (and so can stop and restart it).</summary>
    public bool IsOwned => _dataDirectory is not null;

    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)].ToLowerInvariant();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await command.ExecuteNonQueryAsync();
                break;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.CannotConnectNow)
            {
                // The server is starting or recovering (after one of its processes died): wait for it, then
                // say what its log shows, so a crash is never only "not yet accepting connections".
                if (waited.Elapsed > StartupPatience)
                    throw new InvalidOperationException($"PostgreSQL still refuses connections after {StartupPatience.TotalSeconds:F0} s. {ServerLogDigest()}", e);
                await Task.Delay(250);
            }
        }
        if (waited.Elapsed > TimeSpan.FromSeconds(1))
            Console.Error.WriteLine($"PostgreSQL refused connections for {waited.Elapsed.TotalSeconds:F1} s. {ServerLogDigest()}");
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>
    /// Drops a database made by <see cref="CreateDatabaseAsync"/>, closing what still uses it. A run creates hundreds;
    /// at about 8 MB each they would otherwise fill a small disk before the suite ends.
    /// </summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static readonly TimeSpan StartupPatience = TimeSpan.FromSeconds(90);

    private string ServerLog => Path.Combine(_dataDirectory ?? "", "..", "server.log");

    /// <summary>The server log's lines about crashes and restarts, for a failure message.</summary>
    private string ServerLogDigest()
    {
        if (!IsOwned || !File.Exists(ServerLog)) return "(no server log: the server was given by TEST_DATABASE_URL)";
        try
        {
            using var stream = new FileStream(ServerLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var lines = new StreamReader(stream).ReadToEnd().Split('\n')
                .Where(l => l.Contains("terminated by signal") || l.Contains("PANIC") || l.Contains("database system")
                    || l.Contains("out of memory") || l.Contains("No space left") || l.Contains("was interrupted"))
                .TakeLast(12);
            return "Server log: " + string.Join(" | ", lines);
        }
        catch (IOException e)
        {
            return $"(server log unreadable: {e.Message})";
        }
    }

    public Task StopAsync() => PgCtlAsync("stop -m fast -w");

    public Task StartAgainAsync() => PgCtlAsync($"start -w -t 120 -l {Quote(ServerLog)} -o {Quote(ServerOptions())}");

    /// <summary>A cluster of its own, for tests that stop and start the server.</summary>
    public static async Task<PostgresServer> StartNewAsync()
    {
        var url = Environment.GetEnvironmentVariable("TEST_DATABASE_URL");
        if (!string.IsNullOrWhiteSpace(url))
            return new PostgresServer(Data.Database.PostgresUrl.ToConnectionString(url));

        var bin = FindBinDirectory() ?? throw new InvalidOperationException(
            "PostgreSQL binaries (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/*/bin. " +
            "Install them (apt-get install -y postgresql) or point TEST_DATABASE_URL at a server " +
            "(postgres://user:password@host:5432/postgres). Database tests never skip.");

        var root = Directory.CreateTempSubdirectory("invoicefirst-pg-").FullName;
        var data = Path.Combine(root, "data");
        if (IsRoot) await RunAsync("chown", $"postgres {Quote(root)}");
        var port = FreePort();
        var admin = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", Pooling = false,
        }.ConnectionString;
        var server = new PostgresServer(admin, bin, data, port);

        await AsPostgresAsync(Path.Combine(bin, "initdb"), $"-D {Quote(data)} -U postgres -A trust -E UTF8 --locale=C --no-sync");
        await server.StartAgainAsync();
        server.RemoveWhenThisProcessEnds(root);
        return server;
    }

    private string ServerOptions() =>
        $"-p {_port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='{Path.GetDirectoryName(_dataDirectory)}' " +
        "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 " +
        "-c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=128MB -c min_wal_size=32MB " +
        // Segments in the data directory rather than /dev/shm, which containers often keep at 64 MB; tests' tables are
        // too small for parallel query to pay.
        "-c dynamic_shared_memory_type=mmap -c max_parallel_workers_per_gather=0";

    private Task PgCtlAsync(string arguments)
    {
        if (!IsOwned) throw new InvalidOperationException("Cannot stop or start a server given by TEST_DATABASE_URL");
        return AsPostgresAsync(Path.Combine(_binDirectory!, "pg_ctl"), $"-D {Quote(_dataDirectory!)} {arguments}");
    }

    /// <summary>
    /// A watchdog in its own session stops the cluster and deletes its directory once this process is gone, however
    /// it ends: the test runner kills its test processes before exit handlers finish, which left a running server and
    /// gigabytes in /tmp after every run.
    /// </summary>
    private void RemoveWhenThisProcessEnds(string root)
    {
        var stop = $"{Quote(Path.Combine(_binDirectory!, "pg_ctl"))} -D {Quote(_dataDirectory!)} stop -m immediate";
        if (IsRoot) stop = $"runuser -u postgres -- {stop}";
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {stop} >/dev/null 2>&1; rm -rf {Quote(root)}";
        var info = new ProcessStartInfo("setsid", ["-f", "/bin/sh", "-c", script])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var watchdog = Process.Start(info) ?? throw new InvalidOperationException("Could not start the cluster's watchdog");
        watchdog.WaitForExit(); // setsid -f returns at once; the watchdog lives on in its own session
    }

    private static Task AsPostgresAsync(string program, string arguments) =>
        IsRoot ? RunAsync("runuser", $"-u postgres -- {Quote(program)} {arguments}") : RunAsync(program, arguments);

    private static async Task RunAsync(string program, string arguments)
    {
        var info = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {arguments} exited {process.ExitCode}: {await stderr}{await stdout}");
    }

    private static string? FindBinDirectory()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
                return Path.GetDirectoryName(Path.GetFullPath(ResolveLink(Path.Combine(dir, "initdb"))));
        if (!Directory.Exists("/usr/lib/postgresql")) return null;
        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static string ResolveLink(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    private static bool IsRoot => Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Quote(string s) => $"\"{s}\"";
}
