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

    [Fact]
    public async Task Writes_BothWays_EveryInvoiceAndSettlementWrittenWhole_EachTransactionOneRoundTripWhenBatched()
    {
        var results = await WriteSetScenario.RunAsync(new(Count: 40, Concurrency: 4, Merchants: 10, Warmup: 10, WithFloor: false), TextWriter.Null);

        Assert.Equal(["invoices statements c=4", "invoices batched c=4", "settlements statements c=4", "settlements batched c=4"],
            results.Select(r => r.Case));
        Assert.All(results, r => Assert.Equal(0, r.Errors));
        Assert.All(results, r => Assert.True(r.Passed, r.Case));
        var (invoices, settlements) = (results.Take(2).ToList(), results.Skip(2).ToList());
        Assert.All(invoices, r => Assert.Equal(80, r.Checks["outbox_sent"]));
        Assert.All(invoices, r => Assert.Equal(40, r.Checks["invoices_sent"]));
        Assert.All(invoices, r => Assert.Equal(80, r.Checks["events"]));
        Assert.Equal([20, 6], invoices.Select(r => r.Checks["round_trips_per_invoice"]));
        // Three deliveries of each callback, one inbox row and one settlement each.
        Assert.All(settlements, r => Assert.Equal(40, r.Checks["settled"]));
        Assert.All(settlements, r => Assert.Equal(40, r.Checks["inbox_rows"]));
        Assert.All(settlements, r => Assert.Equal(40, r.Checks["paid_invoices"]));
        Assert.All(settlements, r => Assert.Equal(80, r.Checks["receipts_sent"]));
        Assert.Equal([22, 8], settlements.Select(r => r.Checks["round_trips_per_settlement"]));
    }

    [Fact]
    public async Task Writes_WithoutATable_WritesNoneOfItsRows_AndRefusesATableTheInvoiceNeeds()
    {
        var results = await WriteSetScenario.RunAsync(new(Count: 20, Concurrency: 4, Merchants: 10, Warmup: 5, WithFloor: false, Without: ["events"]), TextWriter.Null);

        Assert.All(results.Take(2), r => Assert.Equal(0, r.Checks["events"]));
        Assert.All(results.Take(2), r => Assert.Equal(20, r.Checks["invoices_sent"]));
        Assert.Equal([18, 6, 21, 8], results.Select(r => r.Checks.GetValueOrDefault("round_trips_per_invoice", r.Checks.GetValueOrDefault("round_trips_per_settlement"))));
        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            WriteSetScenario.RunAsync(new(Count: 1, WithFloor: false, Without: ["invoices"]), TextWriter.Null));
        Assert.Contains("not 'invoices'", refused.Message);
    }
}
