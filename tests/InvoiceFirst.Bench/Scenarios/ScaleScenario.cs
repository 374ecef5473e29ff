using System.Globalization;
using InvoiceFirst.Bench.Hosting;

namespace InvoiceFirst.Bench.Scenarios;

/// <summary>
/// <c>invoices</c> again over a database that already holds 10k and then 1M invoices (bulk-seeded
/// with SQL): how latency and throughput degrade as the tables grow.
/// </summary>
public static class ScaleScenario
{
    /// <param name="Rate">Offered below saturation, so that its latency is the bot's and not a queue's.</param>
    public sealed record Options(double Rate = 100, int RateSeconds = 5, int Saturation = 2_000, int Concurrency = 64, int Merchants = 2_000, long[]? Sizes = null);

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(Options o, TextWriter log)
    {
        var sizes = o.Sizes ?? [0, 10_000, 1_000_000];
        var connectionString = await BenchDatabase.CreateMigratedAsync("bench_scale");
        await Seed.MerchantsAsync(connectionString, o.Merchants);
        await using var bot = await BotUnderTest.StartAsync(connectionString, InvoicesScenario.Unpaced);
        using var load = new InvoiceLoad(bot, o.Merchants, o.Concurrency, log);
        await load.WarmupAsync(2_000); // as invoices: tiered compilation settles before the empty round, the baseline

        var results = new List<BenchResult>();
        BenchResult? baseRate = null, baseSaturation = null;
        foreach (var size in sizes)
        {
            if (size > 0)
            {
                var seeding = Stopwatch.StartNew();
                await Seed.InvoicesAsync(connectionString, size);
                log.WriteLine($"scale: seeded to {size:N0} invoices in {seeding.Elapsed.TotalSeconds:0.0} s");
            }
            var label = size.ToString("N0", CultureInfo.InvariantCulture) + " existing";
            var rate = await load.FixedRateAsync("scale", o.Rate, o.RateSeconds) with { Case = $"{label}, {o.Rate}/s" };
            var saturation = await load.SaturationAsync("scale", o.Saturation) with { Case = $"{label}, saturation" };
            baseRate ??= rate;
            baseSaturation ??= saturation;
            results.Add(Compare(rate, baseRate, size));
            results.Add(Compare(saturation, baseSaturation, size));
        }
        return results;
    }

    private static BenchResult Compare(BenchResult r, BenchResult baseline, long size)
    {
        r.Checks["existing"] = size;
        r.Checks["throughput_vs_empty"] = Math.Round(r.Throughput / Math.Max(baseline.Throughput, 0.001), 2);
        r.Checks["p99_vs_empty"] = Math.Round(r.P99 / Math.Max(baseline.P99, 0.1), 2);
        return r;
    }
}
