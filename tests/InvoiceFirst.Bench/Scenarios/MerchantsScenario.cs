using InvoiceFirst.Bench.Hosting;

namespace InvoiceFirst.Bench.Scenarios;

/// <summary>
/// Many merchants on one deployment. First the <c>invoices</c> load as it is (one customer per command),
/// then 1,000 merchants each invoicing its 10 customers in turn, at a fixed rate and at saturation, each
/// on a bot and database of its own, so the two throughputs are measured in one run and compared. Then
/// fairness at WhatsApp's real pace (<see cref="FairnessRound"/>).
/// </summary>
public static class MerchantsScenario
{
    public sealed record Options(double Rate = 100, int RateSeconds = 10, int Saturation = 6_000, int Concurrency = 64,
        int Merchants = 1_000, int CustomersPerMerchant = 10, int Warmup = 2_000, int Burst = 2_000, int BaselineMerchants = 2_000);

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(Options o, TextWriter log)
    {
        var baseline = await RoundAsync("invoices", "bench_merchants_base", o.BaselineMerchants, 0, o, log);
        var many = await RoundAsync("merchants", "bench_merchants", o.Merchants, o.CustomersPerMerchant, o, log);
        for (var i = 0; i < many.Count; i++)
            many[i].Checks["throughput_vs_invoices"] = Math.Round(many[i].Throughput / Math.Max(baseline[i].Throughput, 1e-9), 3);
        var fairness = await FairnessRound.RunAsync(o.Burst, o.Concurrency, log);
        return [.. baseline, .. many, fairness];
    }

    private static async Task<List<BenchResult>> RoundAsync(string name, string database, int merchants, int customersPerMerchant, Options o, TextWriter log)
    {
        var connectionString = await BenchDatabase.CreateMigratedAsync(database);
        await Seed.MerchantsAsync(connectionString, merchants);
        if (customersPerMerchant > 0) await Seed.CustomersAsync(connectionString, customersPerMerchant);
        await using var bot = await BotUnderTest.StartAsync(connectionString, InvoicesScenario.Unpaced);
        using var load = new InvoiceLoad(bot, merchants, o.Concurrency, log, customersPerMerchant);
        await load.WarmupAsync(o.Warmup);
        var shape = customersPerMerchant == 0 ? $"{merchants} merchants x 1 customer each" : $"{merchants} merchants x {customersPerMerchant} customers";
        var rate = await load.FixedRateAsync(name, o.Rate, o.RateSeconds);
        var saturation = await load.SaturationAsync(name, o.Saturation);
        return [rate with { Case = $"{rate.Case}, {shape}" }, saturation with { Case = $"{saturation.Case}, {shape}" }];
    }
}
