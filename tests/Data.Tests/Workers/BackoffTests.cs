using InvoiceFirst.Data.Workers;

namespace InvoiceFirst.Data.Tests.Workers;

public sealed class BackoffTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void Exponential_NoJitter_DoublesFromFirstUpToMax()
    {
        var waits = Enumerable.Range(1, 7).Select(a => Backoff.Exponential(a, 2 * Second, 60 * Second).TotalSeconds);

        Assert.Equal([2, 4, 8, 16, 32, 60, 60], waits);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(10_000)]
    [InlineData(int.MaxValue)]
    public void Exponential_AttemptFarPastTheCap_MaxWithoutOverflow(int attempt)
    {
        Assert.Equal(TimeSpan.FromMinutes(5), Backoff.Exponential(attempt, 2 * Second, TimeSpan.FromMinutes(5), jitter: 0));
        Assert.Equal(TimeSpan.MaxValue, Backoff.Exponential(attempt, 2 * Second, TimeSpan.MaxValue, spread: Second));
    }

    [Fact]
    public void Exponential_HalfJitter_BetweenHalfAndAllOfTheWait()
    {
        var waits = Enumerable.Range(0, 2_000).Select(_ => Backoff.Exponential(3, 2 * Second, TimeSpan.FromMinutes(5), jitter: 0.5)).ToList();

        Assert.All(waits, w => Assert.InRange(w, 4 * Second, 8 * Second));
        // Spread over the range, not bunched at one end.
        Assert.True(waits.Min() < 4.5 * Second && waits.Max() > 7.5 * Second, $"{waits.Min()} … {waits.Max()}");
    }

    [Fact]
    public void Exponential_Spread_AddsUpToItWhateverTheWait()
    {
        var waits = Enumerable.Range(0, 2_000).Select(_ => Backoff.Exponential(5, 2 * Second, TimeSpan.MaxValue, spread: Second)).ToList();

        Assert.All(waits, w => Assert.InRange(w, 32 * Second, 33 * Second));
        Assert.True(waits.Min() < 32.1 * Second && waits.Max() > 32.9 * Second, $"{waits.Min()} … {waits.Max()}");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, -0.1)]
    [InlineData(1, 1.1)]
    public void Exponential_AttemptOrJitterOutOfRange_Throws(int attempt, double jitter)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Exponential(attempt, Second, 60 * Second, jitter));
    }
}
