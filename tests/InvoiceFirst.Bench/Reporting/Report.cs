using System.Globalization;
using System.Text;
using System.Text.Json;

namespace InvoiceFirst.Bench.Reporting;

/// <summary>Prints results as an aligned table, one JSON line each, and a markdown table for BENCHMARKS.md.</summary>
public static class Report
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void Print(IReadOnlyList<BenchResult> results, TextWriter output)
    {
        output.WriteLine(Table(results, markdown: false));
        foreach (var r in results) output.WriteLine("BENCH " + JsonLine(r));
    }

    public static string JsonLine(BenchResult r) => JsonSerializer.Serialize(r, Json);

    public static string Table(IReadOnlyList<BenchResult> results, bool markdown)
    {
        string[] head = ["scenario", "case", "count", "seconds", "per s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "bot RSS MB", "bot CPU s", "load", "ok", "checks"];
        var rows = results.Select(r => new[]
        {
            r.Scenario, r.Case, N(r.Count), F(r.Seconds), F(r.Throughput), F(r.P50), F(r.P95), F(r.P99), F(r.Max), N(r.Errors),
            r.PeakRssMb is { } rss ? F(rss) : "-", r.CpuSeconds is { } cpu ? F(cpu) : "-", F(r.LoadAverage), r.Passed ? "yes" : "NO",
            string.Join(" ", r.Checks.Select(kv => $"{kv.Key}={F(kv.Value)}")),
        }).ToList();

        var text = new StringBuilder();
        if (markdown)
        {
            text.AppendLine("| " + string.Join(" | ", head) + " |");
            text.AppendLine("|" + string.Concat(head.Select(_ => "---|")));
            foreach (var row in rows) text.AppendLine("| " + string.Join(" | ", row) + " |");
            return text.ToString();
        }
        var widths = head.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        text.AppendLine(string.Join("  ", head.Select((h, i) => h.PadRight(widths[i]))));
        foreach (var row in rows) text.AppendLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))));
        return text.ToString();
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string F(double d) => d.ToString(Math.Abs(d) >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);
}
