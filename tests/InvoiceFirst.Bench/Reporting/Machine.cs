using System.Globalization;

namespace InvoiceFirst.Bench.Reporting;

/// <summary>What the figures were taken on: they only mean something next to this.</summary>
public static class Machine
{
    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture);

    public static string Describe()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memKb = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var gb = double.Parse(memKb, CultureInfo.InvariantCulture) / 1024 / 1024;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} CPU ({cpu}), {gb:0.0} GB RAM, .NET {Environment.Version}, load average {LoadAverage():0.00}");
    }
}
