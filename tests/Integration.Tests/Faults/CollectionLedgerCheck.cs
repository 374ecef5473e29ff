using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Dapper;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Integration.Tests.Payments;
using InvoiceFirst.Data.Time;
using InvoiceFirst.Payments.Ledger;
using InvoiceFirst.Payments.Payouts;

namespace InvoiceFirst.Integration.Tests.Faults;

/// <summary>
/// The ledger run's other half: the seeded merchant is on the collection route, the operator records payouts while the
/// callbacks land (some over the balance, some repeated), and at the end the merchant's ledger holds one credit and one
/// fee per settled payment and exactly the payouts that were accepted (by hand, and by B2C runs alongside: one call each, paid
/// once however often the result came), and its entries sum to the balance it reports.
/// </summary>
internal sealed class CollectionLedgerCheck(PaymentHarness h, long merchantId, Random random)
{
    public const decimal FeePercent = 1.5m;
    public const long FeeCapKes = 500;

    public static Dictionary<string, string?> Settings => new()
    {
        ["Platform:FeePercent"] = FeePercent.ToString(CultureInfo.InvariantCulture),
        ["Platform:FeeCapKes"] = FeeCapKes.ToString(CultureInfo.InvariantCulture),
        // B2C payouts run beside the manual ones; the run drives the schedule itself, one "day" after another.
        ["Platform:PayoutSchedule:At"] = "00:00",
        ["Platform:PayoutSchedule:MinimumKes"] = "10",
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

    /// <summary>
    /// B2C payouts, one scheduled run after another (each its own Nairobi day), until stopped: Daraja posts each result 1 to
    /// 3 times, and one in five fails (utility account short of money). Then waits until none is on its way.
    /// </summary>
    public async Task PayOutByB2cUntilAsync(CancellationToken stop)
    {
        h.Daraja.B2cResultSink = async (url, body) =>
        {
            using var client = h.Factory.CreateClient();
            (await client.PostAsync(new Uri(url).AbsolutePath, new StringContent(body, System.Text.Encoding.UTF8, "application/json"))).Dispose();
        };
        var schedule = h.Factory.Services.GetRequiredService<PayoutScheduleWorker>();
        var day = NairobiTime.Date(DateTimeOffset.UtcNow).AddDays(1);
        while (!stop.IsCancellationRequested)
        {
            h.Daraja.B2cResultDeliveries = random.Next(1, 4);
            h.Daraja.B2cResultCode = random.Next(5) == 0 ? "1" : "0";
            B2cRuns++;
            await schedule.RunAsync(day, 10, CancellationToken.None);
            day = day.AddDays(1);
            try { await Task.Delay(random.Next(50, 300), stop); }
            catch (OperationCanceledException) { break; }
        }
        await PaymentHarness.UntilAsync(async () =>
        {
            await using var c = await h.Factory.Db.OpenAsync(default);
            var inFlight = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM payouts WHERE status IN ('pending', 'sending', 'sent')");
            return inFlight == 0 ? "settled" : null;
        });
    }

    public int B2cRuns { get; private set; }

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
        // B2C: one call per payout, each paid one the fake accepted with success, its entry under its receipt, once.
        var b2c = (await c.QueryAsync<(string Status, string? Receipt, long Cents)>(
            "SELECT status, receipt, amount_cents FROM payouts WHERE merchant_id = @merchantId", new { merchantId })).AsList();
        var paidByB2c = b2c.Where(p => p.Status == "paid").ToDictionary(p => p.Receipt!, p => p.Cents);
        Assert.Equal(h.Daraja.AcceptedB2cPayments.Where(a => a.ResultCode == "0").Select(a => a.Receipt).Order(), paidByB2c.Keys.Order());
        Assert.Equal(b2c.Count, h.Daraja.B2cRequests.Count);
        Assert.All(b2c, p => Assert.Contains(p.Status, new[] { "paid", "failed" }));
        Assert.Equal(_accepted.Concat(paidByB2c).OrderBy(p => p.Key), payouts.OrderBy(p => p.Key));

        var balance = credits.Values.Sum() - fees.Values.Sum() - payouts.Values.Sum();
        var reported = (await h.Api.GetFromJsonAsync<JsonElement>($"/merchants/{merchantId}/ledger?limit=1")).GetProperty("balance_cents").GetInt64();
        Assert.Equal(balance, entries.Sum(e => e.Cents));
        Assert.Equal(balance, reported);
        Assert.True(balance >= 0, $"balance {balance}");
        return $"ledger: {credits.Count} credits, {fees.Count} fees, {payouts.Count} payouts ({paidByB2c.Count} by B2C of {b2c.Count} in {B2cRuns} runs, " +
            $"manual of {Attempts} tried), balance {Money.FromCents(balance).ToKesWithCents()}";
    }
}
