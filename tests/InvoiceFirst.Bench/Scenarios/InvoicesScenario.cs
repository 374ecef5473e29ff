using InvoiceFirst.Bench.Hosting;

namespace InvoiceFirst.Bench.Scenarios;

/// <summary>Invoices end to end at a fixed offered rate, then at saturation; every invoice created and delivered once.</summary>
public static class InvoicesScenario
{
    public sealed record Options(double Rate = 500, int RateSeconds = 10, int Saturation = 6_000, int Concurrency = 64, int Merchants = 2_000, int Warmup = 2_000,
        bool WithFloor = true);

    /// <summary>
    /// Meta allows a number 80 messages/s (1,000 after an upgrade); each invoice is two messages (the
    /// customer's and the merchant's confirmation). The bench lifts the pacing so the bot, not the
    /// configured provider limit, is what is measured; <c>dispatch</c> measures the pacing.
    /// </summary>
    public static readonly Dictionary<string, string> Unpaced = new() { ["WhatsApp:MessagesPerSecond"] = "100000" };

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(Options o, TextWriter log)
    {
        var floor = o.WithFloor ? await IngestScenario.FloorAsync(new(Concurrency: o.Concurrency), log) : null;
        var connectionString = await BenchDatabase.CreateMigratedAsync("bench_invoices");
        await Seed.MerchantsAsync(connectionString, o.Merchants);
        await using var bot = await BotUnderTest.StartAsync(connectionString, Unpaced);
        using var load = new InvoiceLoad(bot, o.Merchants, o.Concurrency, log);
        var warmup = await load.WarmupAsync(o.Warmup);
        var rate = await load.FixedRateAsync("invoices", o.Rate, o.RateSeconds);
        var saturation = await load.SaturationAsync("invoices", o.Saturation);
        saturation.Checks["warmup_commands"] = warmup;
        if (floor is null) return [rate, saturation];
        // The target's measure: invoices delivered end to end per second against the webhooks per second the floor takes.
        saturation.Checks["throughput_vs_floor"] = Math.Round(saturation.Throughput / floor.Throughput, 3);
        return [floor, rate, saturation];
    }
}
