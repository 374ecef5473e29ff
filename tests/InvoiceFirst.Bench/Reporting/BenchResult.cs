namespace InvoiceFirst.Bench.Reporting;

/// <summary>
/// One measured case of a scenario. Latencies are milliseconds; throughput is per second of the
/// measured window; RSS is the bot's peak (VmHWM) and CPU its user+system seconds in the window.
/// <see cref="Checks"/> carries the correctness counts (exactly once, nothing lost) and figures
/// that only some scenarios have.
/// </summary>
public sealed record BenchResult(string Scenario, string Case)
{
    public long Count { get; init; }
    public double Seconds { get; init; }
    public double Throughput { get; init; }
    public double P50 { get; init; }
    public double P95 { get; init; }
    public double P99 { get; init; }
    public double Max { get; init; }
    public long Errors { get; init; }
    public double? PeakRssMb { get; init; }
    public double? CpuSeconds { get; init; }
    public double LoadAverage { get; init; } = Machine.LoadAverage();
    public Dictionary<string, double> Checks { get; init; } = [];

    /// <summary>False when a correctness check failed (a duplicate, a loss, a limit exceeded).</summary>
    public bool Passed { get; init; } = true;

    public BenchResult WithLatencies(LoadRun run) => this with
    {
        Count = run.Count,
        Seconds = run.Seconds,
        Throughput = run.Seconds > 0 ? run.Count / run.Seconds : 0,
        P50 = run.Percentile(50),
        P95 = run.Percentile(95),
        P99 = run.Percentile(99),
        Max = run.Percentile(100),
        Errors = run.Errors,
    };

    public BenchResult WithBot(ProcessSample before, ProcessSample after) => this with
    {
        PeakRssMb = after.PeakRssMb,
        CpuSeconds = Math.Round(after.CpuSeconds - before.CpuSeconds, 2),
    };
}
