using InvoiceFirst.Bench.Scenarios;

namespace InvoiceFirst.Bench.Tests;

/// <summary>
/// The harness's own scenarios at tiny sizes: they check exactly-once, not speed (speed is what
/// the harness reports, on a machine chosen for it).
/// </summary>
public sealed class SmokeTests
{
    [Fact]
    public async Task Ingest_SmallLoad_EveryAcceptedWebhookStoredOnce()
    {
        var results = await IngestScenario.RunAsync(new(Count: 200, Concurrency: 8, Merchants: 20, Warmup: 20, WithFloor: false), TextWriter.Null);

        var ingest = Assert.Single(results);
        Assert.Equal(0, ingest.Errors);
        Assert.Equal(200, ingest.Count);
        Assert.Equal(200, ingest.Checks["stored"]);
        Assert.True(ingest.Passed);
    }

    [Fact]
    public async Task Settle_CallbacksDeliveredThreeTimesShuffled_OneSettlementAndOneReceiptPairEach()
    {
        var settle = Assert.Single(await SettleScenario.RunAsync(new(Payments: 20, Concurrency: 8, WithFloor: false, Warmup: 10), TextWriter.Null));

        Assert.Equal(0, settle.Errors);
        Assert.Equal(60, settle.Count);
        Assert.Equal(20, settle.Checks["settled"]);
        Assert.Equal(0, settle.Checks["double_settlements"]);
        Assert.Equal(30, settle.Checks["paid_invoices"]);
        Assert.Equal(30, settle.Checks["receipt_pairs"]);
        Assert.Equal(60, settle.Checks["receipts"]);
        Assert.Equal(60, settle.Checks["receipts_sent"]);
        Assert.Equal(0, settle.Checks["provider_sends_vs_rows"]);
        Assert.True(settle.Passed);
    }

    [Fact]
    public async Task Merchants_ManyMerchantsAndABurst_EveryInvoiceCreatedAndDeliveredOnce()
    {
        var results = await MerchantsScenario.RunAsync(new(Rate: 20, RateSeconds: 2, Saturation: 90, Concurrency: 8,
            Merchants: 15, CustomersPerMerchant: 3, Warmup: 20, Burst: 60, BaselineMerchants: 15), TextWriter.Null);

        Assert.Equal(5, results.Count);
        Assert.All(results, r => Assert.Equal(0, r.Errors));
        Assert.Equal([40, 90, 40, 90], results.Take(4).Select(r => r.Checks["invoices"]));
        Assert.All(results, r => Assert.Equal(0, r.Checks["duplicates"]));
        var fairness = results[^1];
        Assert.Equal(60, fairness.Count);
        Assert.Equal(0, fairness.Checks["missing"]);
        Assert.True(fairness.Checks.ContainsKey("single_delay_ms"));
        Assert.All(results, r => Assert.True(r.Passed, r.Case));
    }
}
