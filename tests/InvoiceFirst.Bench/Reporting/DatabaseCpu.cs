using System.Globalization;

namespace InvoiceFirst.Bench.Reporting;

/// <summary>
/// CPU time of the PostgreSQL server the bot uses: the postmaster, its live children (backends, WAL writer, …) and the
/// children it has reaped. Read from /proc, so only for a server on this machine; null otherwise.
/// </summary>
public static class DatabaseCpu
{
    private const double TicksPerSecond = 100;

    public static async Task<double?> SecondsAsync(string connectionString)
    {
        await using var c = new NpgsqlConnection(connectionString);
        var dataDirectory = await c.ExecuteScalarAsync<string>("SHOW data_directory");
        var pidFile = Path.Combine(dataDirectory ?? "", "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        var postmaster = int.Parse(File.ReadLines(pidFile).First(), CultureInfo.InvariantCulture);
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || Stat(pid) is not { } f) continue;
            // Fields from 3 on: ppid is 4, utime 14, stime 15, cutime 16, cstime 17.
            if (pid == postmaster) ticks += Field(f, 14) + Field(f, 15) + Field(f, 16) + Field(f, 17);
            else if (Field(f, 4) == postmaster) ticks += Field(f, 14) + Field(f, 15);
        }
        return ticks / TicksPerSecond;
    }

    private static string[]? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null; // exited meanwhile
        }
    }

    private static long Field(string[] fields, int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
}
