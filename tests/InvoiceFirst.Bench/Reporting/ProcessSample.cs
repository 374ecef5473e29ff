using System.Globalization;

namespace InvoiceFirst.Bench.Reporting;

/// <summary>
/// A process's peak resident set (VmHWM) and CPU time (utime+stime) read from /proc, and the CPU time of the
/// runtime's tiered-compilation thread: the share of the CPU still spent compiling tells warm-up from steady state.
/// </summary>
/// <param name="JitTicks">Per thread: the runtime ends that thread after a few idle seconds and starts another when needed.</param>
public sealed record ProcessSample(double PeakRssMb, double CpuSeconds, IReadOnlyDictionary<string, long> JitTicks)
{
    // USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every Linux that .NET runs on.
    private const double TicksPerSecond = 100;

    // The name .NET gives its background (tier 1) compilation thread, as the kernel keeps it: 15 characters.
    private const string TieredCompilationThread = ".NET Tiered Com";

    public static ProcessSample Read(int pid)
    {
        var status = File.ReadAllLines($"/proc/{pid}/status");
        var hwm = status.First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kb = double.Parse(hwm.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        // A thread that ends between listing and reading is left out, as if it had ended before: read as 0 ticks it
        // would take its whole past CPU off the share.
        var jit = Directory.GetDirectories($"/proc/{pid}/task")
            .Where(task => Read(Path.Combine(task, "comm"))?.Trim() == TieredCompilationThread)
            .Select(task => (Thread: Path.GetFileName(task)!, Stat: Read(Path.Combine(task, "stat"))))
            .Where(t => t.Stat is not null)
            .ToDictionary(t => t.Thread, t => Ticks(t.Stat!), StringComparer.Ordinal);
        return new ProcessSample(Math.Round(kb / 1024, 1), Ticks(File.ReadAllText($"/proc/{pid}/stat")) / TicksPerSecond, jit);
    }

    /// <summary>
    /// Of the CPU from <paramref name="before"/> to this sample, the share the tiered-compilation thread took; a
    /// thread that ended in between counts nothing after <paramref name="before"/> (it had been idle for seconds).
    /// </summary>
    public double JitShareSince(ProcessSample before)
    {
        if (CpuSeconds <= before.CpuSeconds) return 0;
        var ticks = JitTicks.Sum(t => t.Value - before.JitTicks.GetValueOrDefault(t.Key));
        return Math.Round(ticks / TicksPerSecond / (CpuSeconds - before.CpuSeconds), 3);
    }

    // Fields after the command name (which may hold spaces) start at field 3; utime and stime are fields 14 and 15.
    private static long Ticks(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    // A thread can end between listing and reading.
    private static string? Read(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return null; }
    }
}
