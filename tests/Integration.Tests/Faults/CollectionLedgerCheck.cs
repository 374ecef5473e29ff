using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Dapper;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Integration.Tests.Payments;
using InvoiceFirst.Payments.Ledger;

namespace InvoiceFirst.Integration.Tests.Faults;

/// <summary>
/// The ledger run's other half: the seeded merchant is on the collection route, the operator records payouts while the
/// callbacks land (some over the balance, some repeated), and at the end the merchant's ledger holds one credit and one
/// fee per settled payment and exactly the payouts that were accepted, and its entries sum to the balance it reports.
/// </summary>
internal sealed class CollectionLedgerCheck(PaymentHarness h, long merchantId, Random random)
{
    public const decimal FeePercent = 1.5m;
    public const long FeeCapKes = 500;

    public static Dictionary<string, string?> Settings => new()
    {
        ["Platform:FeePercent"] = FeePercent.ToString(CultureInfo.InvariantCulture),
        ["Platform:FeeCapKes"] = FeeCapKes.ToString(CultureInfo.InvariantCulture),
    };

    private readonly ConcurrentDictionary<string, long> _accepted = new();

    public int Attempts { get; private set; }

    /// <summary>Payouts, one after another, until stopped: a new reference or the last one again, any amount.</summary>
    public async Task PayOutUntilAsync(CancellationToken stop)
    {
        (string Reference, long Cents)? last = null;
        while (!stop.IsCancellationRequested)
        {
            var payout = last is { } again && random.Next(4) == 0
                ? again
                : ($"QP{random.Next(100_000_000):D8}", random.Next(1, 40_000) * 100L);
            using var response = await h.Api.PostAsJsonAsync($"/merchants/{merchantId}/payouts",
                new { amount_cents = payout.Item2, mpesa_reference = payout.Item1 }, CancellationToken.None);
            Attempts++;
            switch (response.StatusCode)
            {
                case HttpStatusCode.Created:
                    Assert.True(_accepted.TryAdd(payout.Item1, payout.Item2), $"{payout.Item1} recorded twice");
                    break;
                case HttpStatusCode.OK:
                    Assert.Equal(payout.Item2, _accepted[payout.Item1]);
                    break;
                default:
                    Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
                    break;
            }
            last = payout;
            try { await Task.Delay(random.Next(5, 40), stop); }
            catch (OperationCanceledException) { break; }
        }
    }

    public async Task<string> AssertBalancedAsync(IReadOnlyList<Payment> payments)
    {
        await using var c = await h.Factory.Db.OpenAsync(default);
        var entries = (await c.QueryAsync<(string Kind, long? PaymentId, string? Reference, long Cents)>(
            "SELECT kind, payment_id, payout_reference, amount_cents FROM ledger_entries WHERE merchant_id = @merchantId",
            new { merchantId })).AsList();
        var settled = payments.Where(p => p.Status == PaymentStatus.Success && p.InvoiceId is not null).ToList();

        var credits = entries.Where(e => e.Kind == "credit").ToDictionary(e => e.PaymentId!.Value, e => e.Cents);
        Assert.Equal(settled.ToDictionary(p => p.Id, p => p.AmountCents), credits);
        var fees = entries.Where(e => e.Kind == "fee").ToDictionary(e => e.PaymentId!.Value, e => -e.Cents);
        var expectedFees = settled.Select(p => (p.Id, Fee: CollectionFee.For(p.Amount, FeePercent, FeeCapKes).Cents))
            .Where(f => f.Fee > 0).ToDictionary(f => f.Id, f => f.Fee);
        Assert.Equal(expectedFees, fees);
        var payouts = entries.Where(e => e.Kind == "payout").ToDictionary(e => e.Reference!, e => -e.Cents);
        Assert.Equal(_accepted.OrderBy(p => p.Key), payouts.OrderBy(p => p.Key));

        var balance = credits.Values.Sum() - fees.Values.Sum() - payouts.Values.Sum();
        var reported = (await h.Api.GetFromJsonAsync<JsonElement>($"/merchants/{merchantId}/ledger?limit=1")).GetProperty("balance_cents").GetInt64();
        Assert.Equal(balance, entries.Sum(e => e.Cents));
        Assert.Equal(balance, reported);
        Assert.True(balance >= 0, $"balance {balance}");
        return $"ledger: {credits.Count} credits, {fees.Count} fees, {payouts.Count} payouts of {Attempts} tried, balance {Money.FromCents(balance).ToKesWithCents()}";
    }
}
