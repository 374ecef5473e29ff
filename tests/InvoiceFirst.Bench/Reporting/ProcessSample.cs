using System.Globalization;

namespace InvoiceFirst.Bench.Reporting;

/// <summary>A process's peak resident set (VmHWM) and CPU time (utime+stime) read from /proc.</summary>
public sealed record ProcessSample(double PeakRssMb, double CpuSeconds)
{
    // USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every Linux that .NET runs on.
    private const double TicksPerSecond = 100;

    public static ProcessSample Read(int pid)
    {
        var status = File.ReadAllLines($"/proc/{pid}/status");
        var hwm = status.First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kb = double.Parse(hwm.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

        // Fields after the command name (which may hold spaces) start at field 3; utime and stime are fields 14 and 15.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return new ProcessSample(Math.Round(kb / 1024, 1), ticks / TicksPerSecond);
    }
}
