namespace InvoiceFirst.Bench.Load;

/// <summary>Latencies (ms) of the operations that succeeded, the failures, and the wall time of a run.</summary>
public sealed class LoadRun(double[] latencies, long errors, double seconds)
{
    private readonly double[] sorted = latencies.Order().ToArray();

    public long Count => sorted.Length;
    public long Errors { get; } = errors;
    public double Seconds { get; } = seconds;

    /// <summary>Nearest-rank percentile; 100 is the maximum.</summary>
    public double Percentile(double p)
    {
        if (sorted.Length == 0) return 0;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)], 1);
    }
}
