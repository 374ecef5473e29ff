namespace InvoiceFirst.Data.Workers;

/// <summary>How long to wait before trying again: the one formula every retrying worker uses.</summary>
public static class Backoff
{
    /// <summary>
    /// <paramref name="first"/> · 2^(<paramref name="attempt"/> − 1), never more than <paramref name="max"/>.
    /// </summary>
    /// <param name="attempt">1 for the wait after the first failure.</param>
    /// <param name="jitter">
    /// The share of the wait left to chance, between 0 and 1: 0.5 waits anywhere from half of it to all of
    /// it, so that work failing together does not come back together.
    /// </param>
    /// <param name="spread">Up to this much more at random, whatever the wait.</param>
    public static TimeSpan Exponential(int attempt, TimeSpan first, TimeSpan max, double jitter = 0, TimeSpan spread = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(jitter, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(jitter, 1);
        // In doubles, and no more doublings than a TimeSpan holds: 2^attempt overflows long before any sane cap.
        var ticks = Math.Min(first.Ticks * Math.Pow(2, Math.Min(attempt - 1, 62)), max.Ticks);
        if (jitter > 0) ticks *= 1 - jitter + jitter * Random.Shared.NextDouble();
        if (spread > TimeSpan.Zero) ticks += spread.Ticks * Random.Shared.NextDouble();
        return ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)ticks);
    }
}
