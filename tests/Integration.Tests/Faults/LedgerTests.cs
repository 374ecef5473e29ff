using System.Globalization;
using Dapper;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Integration.Tests.Fixtures.Daraja;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Payments;
using InvoiceFirst.Testing.Fakes;
using Xunit.Abstractions;

namespace InvoiceFirst.Integration.Tests.Faults;

/// <summary>
/// A seeded random run over many invoices: STK callbacks duplicated, reordered, lost (some found by
/// STK Query, some never), with the wrong amount; Paybill payments partial, over, duplicated and to
/// no invoice; meanwhile the operator records payouts for the merchant, who is on the collection route, and B2C payouts run. At the end
/// the money adds up to the cent, computed from the database and from what the driver sent, and so does the merchant's
/// ledger (<see cref="CollectionLedgerCheck"/>). <c>LEDGER_PAYMENTS</c> sets the number of invoices, <c>LEDGER_SEED</c> replays a run.
/// </summary>
public sealed class LedgerTests(ITestOutputHelper output)
{
    private enum Fate { PaidByCallback, PaidByQuery, Cancelled, NeverAnswered, WrongAmount }

    private sealed record Plan(Invoice Invoice, Fate Fate, int Deliveries, long C2bShillings);

    private static readonly StkCallbackFixtures.Fixture[] StkPaid =
        [.. StkCallbackFixtures.All.Where(f => f.Status == PaymentStatus.Success && f.QueryAnswer is null)];

    private static readonly StkCallbackFixtures.Fixture[] StkCancelled =
        [.. StkCallbackFixtures.All.Where(f => f.Status == PaymentStatus.Cancelled && f.QueryAnswer is null)];

    private static readonly C2bConfirmationFixtures.Fixture[] C2bPaid = [.. C2bConfirmationFixtures.All.Where(f => f.Paid)];

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    [Fact]
    public async Task RandomRun_DuplicatedReorderedAndLostCallbacks_MoneyAddsUpToTheCent()
    {
        var count = int.Parse(Environment.GetEnvironmentVariable("LEDGER_PAYMENTS") ?? "30", CultureInfo.InvariantCulture);
        var seed = int.Parse(Environment.GetEnvironmentVariable("LEDGER_SEED") ?? Random.Shared.Next(1, 1_000_000).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        output.WriteLine($"LEDGER_SEED={seed} LEDGER_PAYMENTS={count}");
        var random = new Random(seed);
        var deadline = TimeSpan.FromSeconds(30 + count);
        await using var h = await PaymentHarness.StartAsync(new Dictionary<string, string?>(CollectionLedgerCheck.Settings)
        {
            ["Payments:QueryAfterSeconds"] = "1",
            ["Api:PermitLimit"] = "100000", // the driver creates every invoice through the API
            // Early pushes are queried before the driver decides their fate: keep the backoff short.
            ["Payments:MaxQueryIntervalSeconds"] = "2",
        });

        var ledger = new CollectionLedgerCheck(h, await MerchantLedgerTests.SetRouteAsync(h, "COLLECTION"), new Random(seed + 1));
        var plans = new List<Plan>();
        for (var i = 0; i < count; i++)
        {
            var invoice = await h.CreateInvoiceAsync(random.Next(10, 200_000), msisdn: "2547" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture));
            var fate = (Fate)random.Next(5);
            var c2b = random.Next(4) == 0 ? random.Next(1, (int)(invoice.AmountCents / 100) + 500) : 0;
            plans.Add(new Plan(invoice, fate, random.Next(1, 4), c2b));
            await h.TapAsync(invoice.Id, invoice.Msisdn);
        }
        await h.Daraja.WaitForStkPushesAsync(count, deadline);
        var payments = await Eventually.UntilAsync(() => h.PaymentsAsync(), p => p.Count == count && p.All(x => x.CheckoutRequestId is not null),
            deadline, "every push recorded");
        var paymentOf = payments.ToDictionary(p => p.InvoiceId!);

        // What the driver sends, shuffled: each delivery of a callback is its own event.
        var events = new List<Func<Task<HttpResponseMessage>>>();
        var receipts = 0;
        foreach (var plan in plans)
        {
            var payment = paymentOf[plan.Invoice.Id];
            var checkout = payment.CheckoutRequestId!;
            var receipt = $"RCP{++receipts:D7}";
            // Daraja's own answer; a wrong-amount callback is not one M-PESA would send for a prompt it completed.
            if (plan.Fate is Fate.PaidByCallback or Fate.PaidByQuery) h.Daraja.SetQueryResult(checkout, "0", "processed");
            // Real-world shapes from the fixture suite, picked at random, so variants run under the same checks.
            var body = plan.Fate switch
            {
                Fate.PaidByCallback => StkCallbackFixtures.Fill(Pick(random, StkPaid).Body, checkout, payment.AmountCents / 100, receipt),
                Fate.WrongAmount => FakeDarajaCallbacks.Success(checkout, payment.AmountCents / 100m - 1, receipt),
                Fate.Cancelled => StkCallbackFixtures.Fill(Pick(random, StkCancelled).Body, checkout, 0, receipt),
                _ => null, // lost: only STK Query can tell
            };
            for (var d = 0; body is not null && d < plan.Deliveries; d++) events.Add(() => h.CallbackAsync(payment, body));
            // Sometimes an unreadable callback arrives too: it must decide nothing.
            if (random.Next(4) == 0) events.Add(() => h.CallbackAsync(payment, StkCallbackFixtures.Fill(StkCallbackFixtures.Malformed, checkout, 0, receipt)));
            if (plan.C2bShillings > 0)
            {
                var transId = $"C2B{++receipts:D7}";
                h.Daraja.KnowPayment(transId, plan.C2bShillings);
                var c2b = C2bConfirmationFixtures.Fill(Pick(random, C2bPaid).Body, transId, plan.Invoice.Number, plan.C2bShillings);
                for (var d = 0; d < plan.Deliveries; d++) events.Add(() => h.ConfirmC2bAsync(c2b));
            }
        }
        var unapplied = random.Next(1, 4) * 100L;
        var strayId = $"C2B{++receipts:D7}";
        h.Daraja.KnowPayment(strayId, unapplied);
        var stray = PaymentHarness.C2bConfirmation(strayId, "NO-SUCH-INVOICE", unapplied);
        events.Add(() => h.ConfirmC2bAsync(stray));
        events.Add(() => h.ConfirmC2bAsync(stray));
        var shuffled = events.OrderBy(_ => random.Next()).ToList();
        using var stopPayouts = new CancellationTokenSource();
        var payingOut = ledger.PayOutUntilAsync(stopPayouts.Token);
        var payingOutByB2c = ledger.PayOutByB2cUntilAsync(stopPayouts.Token);
        for (var i = 0; i < shuffled.Count; i += 4)
        {
            var answers = await Task.WhenAll(shuffled.Skip(i).Take(4).Select(send => send()));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        }

        var expectedStatus = plans.ToDictionary(p => paymentOf[p.Invoice.Id].Id, p => p.Fate switch
        {
            Fate.PaidByCallback or Fate.PaidByQuery => PaymentStatus.Success,
            Fate.Cancelled => PaymentStatus.Cancelled,
            Fate.WrongAmount => PaymentStatus.NeedsReview,
            _ => PaymentStatus.Initiated,
        });
        var c2bCount = plans.Count(p => p.C2bShillings > 0) + 1;
        await Eventually.UntilAsync(async () =>
            {
                var all = await h.PaymentsAsync();
                var wrong = all.Where(p => p.Method == PaymentMethod.Stk && p.Status != expectedStatus[p.Id]).Select(p => $"{p.Id}:{p.Status}");
                return $"{all.Count - count} of {c2bCount} C2B; not yet final: {string.Join(" ", wrong)}";
            },
            progress => progress == $"{c2bCount} of {c2bCount} C2B; not yet final: ", deadline, "every payment at its final state");
        await h.InboxDrainedAsync();
        await stopPayouts.CancelAsync();
        await payingOut;
        await payingOutByB2c;

        // The driver's side: money M-PESA took that the bot should have counted.
        var sentStk = plans.Where(p => p.Fate is Fate.PaidByCallback or Fate.PaidByQuery).Sum(p => paymentOf[p.Invoice.Id].AmountCents);
        var sentC2b = plans.Sum(p => p.C2bShillings * 100) + unapplied * 100;
        var (successful, applied, unappliedInDb) = await LedgerAsync(h);
        var distinct = plans.Count(p => p.Fate is Fate.PaidByCallback or Fate.Cancelled or Fate.WrongAmount) + c2bCount;
        output.WriteLine($"invoices {count}, callbacks and confirmations {shuffled.Count} ({shuffled.Count - distinct} duplicates), " +
            $"fates {string.Join(", ", plans.GroupBy(p => p.Fate).Select(g => $"{g.Key} {g.Count()}"))}, " +
            $"C2B {c2bCount}, successful {successful} cents");

        Assert.Equal(successful, applied + unappliedInDb);
        Assert.Equal(sentStk + sentC2b, successful);
        Assert.Equal(unapplied * 100, unappliedInDb);
        foreach (var plan in plans)
        {
            var invoice = (await h.InvoiceAsync(plan.Invoice.Id))!;
            var paid = (plan.Fate is Fate.PaidByCallback or Fate.PaidByQuery ? paymentOf[plan.Invoice.Id].AmountCents : 0) + plan.C2bShillings * 100;
            Assert.True(paid == invoice.AmountPaidCents, $"{invoice.Number} ({plan.Fate}, C2B {plan.C2bShillings}): paid {invoice.AmountPaidCents}, sent {paid}");
            var status = paid >= invoice.AmountCents ? InvoiceStatus.Paid : paid > 0 ? InvoiceStatus.PartiallyPaid : InvoiceStatus.Pending;
            Assert.True(status == invoice.Status, $"{invoice.Number}: {invoice.Status}, expected {status}");
        }
        Assert.Equal(count, h.Daraja.StkPushes.Count);
        await AssertOneReceiptPairPerSettledPaymentAsync(h);
        output.WriteLine(await ledger.AssertBalancedAsync(await h.PaymentsAsync()));
    }

    /// <summary>Sum of successful payments, sum of amount_paid over invoices, successful payments to no invoice.</summary>
    private static async Task<(long Successful, long Applied, long Unapplied)> LedgerAsync(PaymentHarness h)
    {
        await using var c = await h.Factory.Db.OpenAsync(default);
        var successful = await c.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(amount_cents), 0) FROM payments WHERE status = 'SUCCESS'");
        var applied = await c.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(amount_paid_cents), 0) FROM invoices");
        var unapplied = await c.ExecuteScalarAsync<long>(
            "SELECT COALESCE(SUM(amount_cents), 0) FROM payments WHERE status = 'SUCCESS' AND invoice_id IS NULL");
        return (successful, applied, unapplied);
    }

    private static async Task AssertOneReceiptPairPerSettledPaymentAsync(PaymentHarness h)
    {
        var outbox = await h.OutboxAsync();
        foreach (var payment in (await h.PaymentsAsync()).Where(p => p.InvoiceId is not null))
        {
            var expected = payment.Status == PaymentStatus.Success ? 1 : 0;
            Assert.Equal(expected, outbox.Count(o => o.DedupeKey == $"receipt:customer:{payment.Id}"));
            Assert.Equal(expected, outbox.Count(o => o.DedupeKey == $"receipt:merchant:{payment.Id}"));
        }
    }
}
