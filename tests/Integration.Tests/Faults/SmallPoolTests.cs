using System.Diagnostics;
using System.Text.Json;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Integration.Tests.Payments;

namespace InvoiceFirst.Integration.Tests.Faults;

/// <summary>
/// One merchant doing more at once than PostgreSQL's pool has connections. An invoice's transaction holds the merchant's
/// row (its daily count) and a settlement's holds its connection for the inbox batch: anything inside them that checks
/// out a second pooled connection (the PDF decision did, until 51d5650; the receipt's merchant lookup did too)
/// deadlocks the pool once every connection is held by a transaction waiting for one. The PDF documents are on, so that
/// decision runs.
/// </summary>
public sealed class SmallPoolTests : IAsyncLifetime
{
    // 24 settlements fill at most two inbox batches (16 a batch) at once: two connections are what they can all hold.
    private const int PoolSize = 2;
    private const int AtOnce = 24;
    // Far more than the work takes, far less than a deadlock broken by the pool's timeout again and again.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private PaymentHarness _h = null!;

    public async Task InitializeAsync() =>
        _h = await PaymentHarness.StartAsync(new Dictionary<string, string?> { ["Documents:WhatsAppPdf"] = "true" },
            answerStatusQueries: false, maxPoolSize: PoolSize);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task CreateInvoices_OneMerchantMoreAtOnceThanThePool_AllCreatedOnceWithoutDeadlock()
    {
        var clock = Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(1, AtOnce).Select(i => _h.Api.PostAsJsonAsync("/invoices",
            new { msisdn = "0712345678", amount_cents = i * 100_00L, description = $"Order {i}" })));
        var took = clock.Elapsed;
        var list = await _h.Api.GetFromJsonAsync<JsonElement>("/invoices?limit=200");

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.True(took < Bound, $"{AtOnce} invoices over {PoolSize} connections took {took.TotalSeconds:F1} s");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        // Each request's invoice exactly once, numbered without gaps or repeats.
        Assert.Equal(Enumerable.Range(1, AtOnce).Select(i => $"Order {i}").Order(StringComparer.Ordinal),
            items.Select(i => i.GetProperty("description").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, AtOnce).Select(i => $"INV-{i:D4}"),
            items.Select(i => i.GetProperty("number").GetString()!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SettlePayments_OneMerchantMoreAtOnceThanThePool_EveryInvoicePaidWithOneReceipt()
    {
        var invoices = new List<Invoice>();
        for (var i = 1; i <= AtOnce; i++) invoices.Add(await _h.CreateInvoiceAsync(100 + i));
        var confirmations = await Task.WhenAll(invoices.Select((invoice, i) =>
            _h.PayByPaybillAsync($"RKL{i:D2}POOL7", invoice.Number, invoice.AmountCents / 100)));
        await _h.Daraja.WaitForStatusQueriesAsync(AtOnce, PaymentHarness.Deadline);

        // Daraja's answers all at once: the settlements land in the inbox together and its loops take them in parallel.
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(_h.Daraja.StatusQueries.Select(q => _h.DeliverStatusResultAsync(q)));
        var paid = await Task.WhenAll(invoices.Select(invoice => _h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid)));
        var took = clock.Elapsed;
        await _h.InboxDrainedAsync();
        var outbox = await _h.OutboxAsync();

        Assert.All(confirmations.Concat(results), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.True(took < Bound, $"{AtOnce} settlements over {PoolSize} connections took {took.TotalSeconds:F1} s");
        Assert.All(paid, i => Assert.Equal(i.AmountCents, i.AmountPaidCents));
        Assert.Equal(AtOnce, (await _h.PaymentsAsync()).Count);
        Assert.All(invoices, invoice => Assert.Single(outbox, o => o.InvoiceId == invoice.Id && o.DedupeKey!.StartsWith("receipt:customer:")));
    }
}
