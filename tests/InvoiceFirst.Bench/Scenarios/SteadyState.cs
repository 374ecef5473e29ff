namespace InvoiceFirst.Bench.Scenarios;

/// <summary>
/// Warm-up rounds until the bot's tiered compilation takes under <see cref="JitShare"/> of its CPU (at most
/// <see cref="MaxRounds"/>), so that what follows measures the steady state of a bot that has been up a while,
/// not the JIT compiling its hot paths (20–40% of its CPU in the first rounds).
/// </summary>
public static class SteadyState
{
    public const double JitShare = 0.02;
    public const int MaxRounds = 8;

    /// <param name="round">Runs round n (from 1) and returns the share of the bot's CPU spent compiling during it.</param>
    /// <returns>The rounds it took.</returns>
    public static async Task<int> WarmUpAsync(string scenario, Func<int, Task<double>> round, TextWriter log)
    {
        for (var n = 1; ; n++)
        {
            var share = await round(n);
            log.WriteLine($"{scenario}: warm-up round {n}, {share:P1} of the bot's CPU compiling");
            if (share < JitShare || n == MaxRounds) return n;
        }
    }
}
