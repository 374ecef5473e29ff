using System.Text.Json;
using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Integration.Tests.Chat;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Testing;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Payments;

/// <summary>
/// The operator's collection route: every payment the deployment collects for a merchant on it credits their ledger once,
/// with the operator's fee beside it; merchants paid directly get nothing; payouts never go beyond the balance.
/// </summary>
public sealed class MerchantLedgerTests
{
    private const string Jane = "254711222333";

    private static readonly Dictionary<string, string?> Fee = new()
    {
        ["Platform:FeePercent"] = "1.5",
        ["Platform:FeeCapKes"] = "0",
    };

    [Fact]
    public async Task StkPaid_CollectionMerchant_OneCreditAndOneFee_EvenWithTheCallbackReplayedAndTheQueryWorkerRacing()
    {
        // The query worker asks about the push after a second, while the callback arrives three times at once.
        await using var h = await PaymentHarness.StartAsync(new Dictionary<string, string?>(Fee) { ["Payments:QueryAfterSeconds"] = "1" });
        var merchant = await SetRouteAsync(h, "COLLECTION");
        var invoice = await h.CreateInvoiceAsync(1500);
        await h.TapAsync(invoice.Id);
        var (payment, _) = await h.WaitForPushAsync(1);
        h.Daraja.SetQueryResult(payment.CheckoutRequestId!, "0", "The service request is processed successfully.");
        await Task.Delay(TimeSpan.FromSeconds(1));

        var body = FakeDarajaCallbacks.Success(payment.CheckoutRequestId!, 1500m, "NLJ7RT61SV");
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => h.CallbackAsync(payment, body)));
        await h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
        await h.InboxDrainedAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // a query still in flight would have landed by now

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var ledger = await LedgerAsync(h, merchant);
        Assert.Equal(150_000 - 2_250, ledger.GetProperty("balance_cents").GetInt64());
        Assert.Equal([("fee", -2_250L, payment.Id), ("credit", 150_000L, payment.Id)], Entries(ledger).Select(e => (e.Kind, e.Amount, e.PaymentId!.Value)));
        Assert.Equal(ledger.GetProperty("balance_cents").GetInt64(), await SumAsync(h, merchant));

        var english = await new MerchantChatDriver(h.Factory).SayAsync("balance");
        var swahili = await new MerchantChatDriver(h.Factory).SayAsync("salio");
        Assert.Contains("Collected for you and not yet paid out: KES 1,477.50.", english);
        Assert.Contains($"Paid {invoice.Number} +KES 1,500", english);
        Assert.Contains($"Fee {invoice.Number} -KES 22.50", english);
        Assert.Contains("na bado haijalipwa kwako: KES 1,477.50.", swahili);
        Assert.Contains($"Malipo {invoice.Number} +KES 1,500", swahili);
    }

    [Fact]
    public async Task PaybillPaid_CollectionMerchant_CreditedOnceEvenWhenTheConfirmationIsReplayed()
    {
        await using var h = await PaymentHarness.StartAsync(new Dictionary<string, string?>(Fee) { ["Platform:FeeCapKes"] = "10" });
        var merchant = await SetRouteAsync(h, "COLLECTION");
        var invoice = await h.CreateInvoiceAsync(2000);

        await h.PayByPaybillAsync("RKL51ZDR4F", invoice.PaymentReference, 2000);
        await h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
        await h.ConfirmC2bAsync(PaymentHarness.C2bConfirmation("RKL51ZDR4F", invoice.PaymentReference, 2000));
        await h.InboxDrainedAsync();

        var ledger = await LedgerAsync(h, merchant);
        // 1.5 % of KES 2,000 is KES 30, capped at KES 10.
        Assert.Equal([("fee", -1_000L), ("credit", 200_000L)], Entries(ledger).Select(e => (e.Kind, e.Amount)));
        Assert.Equal(199_000, ledger.GetProperty("balance_cents").GetInt64());
    }

    [Fact]
    public async Task StkPaid_TillMerchant_NoEntries_BalanceSaysTheyArePaidDirectly()
    {
        await using var h = await PaymentHarness.StartAsync(Fee);
        var merchant = await SetRouteAsync(h, "TILL");
        var invoice = await h.CreateInvoiceAsync(1500);
        await h.TapAsync(invoice.Id);
        var (payment, _) = await h.WaitForPushAsync(1);

        await h.PaySuccessAsync(payment);
        await h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
        await h.InboxDrainedAsync();

        var ledger = await LedgerAsync(h, merchant);
        Assert.Empty(Entries(ledger));
        Assert.Equal(0, ledger.GetProperty("balance_cents").GetInt64());
        Assert.Contains("Your customers pay you directly", await new MerchantChatDriver(h.Factory).SayAsync("balance"));
        Assert.Contains("Wateja wako hukulipa moja kwa moja", await new MerchantChatDriver(h.Factory).SayAsync("salio"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Payouts_OverBalanceRefused_SameReferenceOnce_TwoAtOnceThatTogetherOverdrawOnlyOneRecorded(Dialect dialect)
    {
        await using var h = await PaymentHarness.StartAsync(Fee, dialect);
        var merchant = await SetRouteAsync(h, "COLLECTION");
        var invoice = await h.CreateInvoiceAsync(1500);
        await h.PayByPaybillAsync("RKL51ZDR4P", invoice.PaymentReference, 1500);
        await h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
        await PaymentHarness.UntilAsync(async () => await SumAsync(h, merchant) == 147_750 ? "credited" : null);

        var over = await PayoutAsync(h, merchant, 147_751, "QK12ABC34D");
        var zero = await PayoutAsync(h, merchant, 0, "QK12ABC34D");
        var first = await PayoutAsync(h, merchant, 100_000, "qk12abc34d");
        var again = await PayoutAsync(h, merchant, 100_000, "QK12ABC34D");
        var otherAmount = await PayoutAsync(h, merchant, 90_000, "QK12ABC34D");
        // 47,750 cents left: each of these fits alone, no two together do.
        var racing = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => PayoutAsync(h, merchant, 30_000, $"QK12ABC3{i}E")));

        Assert.Equal(HttpStatusCode.Conflict, over.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(await IdAsync(first), await IdAsync(again));
        Assert.Equal(HttpStatusCode.Conflict, otherAmount.StatusCode);
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict],
            racing.Select(r => r.StatusCode).Order());
        var ledger = await LedgerAsync(h, merchant);
        var payouts = Entries(ledger).Where(e => e.Kind == "payout").ToList();
        Assert.Equal(2, payouts.Count);
        Assert.Contains(payouts, p => p is { Amount: -100_000, Reference: "QK12ABC34D" });
        Assert.Equal(17_750, ledger.GetProperty("balance_cents").GetInt64());
        Assert.Equal(17_750, await SumAsync(h, merchant));
        Assert.Contains("Paid out QK12ABC34D -KES 1,000", await new MerchantChatDriver(h.Factory).SayAsync("balance"));
    }

    [Fact]
    public async Task Balance_Staff_RefusedAsOwnerOnly()
    {
        await using var h = await PaymentHarness.StartAsync(Fee);
        await SetRouteAsync(h, "COLLECTION");
        await new MerchantChatDriver(h.Factory).SayAsync("staff add 0711222333 Jane");

        var refused = await new MerchantChatDriver(h.Factory, Jane).SayAsync("balance");

        Assert.Contains("Only the owner of", refused);
        Assert.DoesNotContain("KES", refused);
    }

    [Fact]
    public async Task LedgerAndPayouts_MerchantKeyOrNoSuchMerchant_Refused()
    {
        await using var h = await PaymentHarness.StartAsync(Fee);
        var merchant = await SetRouteAsync(h, "COLLECTION");
        using var asMerchant = h.Factory.ClientWithKey(await h.Factory.NewMerchantKeyAsync(merchant));

        Assert.Equal(HttpStatusCode.Forbidden, (await asMerchant.GetAsync($"/merchants/{merchant}/ledger")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asMerchant.PostAsJsonAsync($"/merchants/{merchant}/payouts",
            new { amount_cents = 100, mpesa_reference = "QK12ABC34D" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await h.Api.GetAsync("/merchants/999999/ledger")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PayoutAsync(h, 999_999, 100, "QK12ABC34D")).StatusCode);
    }

    private sealed record Entry(string Kind, long Amount, long? PaymentId, string? Reference);

    /// <summary>The seeded merchant's route, as the owner would have chosen it; returns its id.</summary>
    internal static async Task<long> SetRouteAsync(PaymentHarness h, string route)
    {
        await using var c = await h.Factory.Db.OpenAsync(default);
        return await c.ExecuteScalarAsync<long>(
            "UPDATE merchants SET pay_route = @route, pay_number = @number WHERE phone = @phone RETURNING id",
            new { route, number = route == "COLLECTION" ? null : "832909", phone = BotFactory.MerchantPhone });
    }

    private static async Task<JsonElement> LedgerAsync(PaymentHarness h, long merchant)
    {
        var response = await h.Api.GetAsync($"/merchants/{merchant}/ledger");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<Entry> Entries(JsonElement ledger) =>
        [.. ledger.GetProperty("entries").EnumerateArray().Select(e => new Entry(e.GetProperty("kind").GetString()!, e.GetProperty("amount_cents").GetInt64(),
            e.GetProperty("payment_id").ValueKind == JsonValueKind.Null ? null : e.GetProperty("payment_id").GetInt64(),
            e.GetProperty("mpesa_reference").GetString()))];

    private static Task<HttpResponseMessage> PayoutAsync(PaymentHarness h, long merchant, long cents, string reference) =>
        h.Api.PostAsJsonAsync($"/merchants/{merchant}/payouts", new { amount_cents = cents, mpesa_reference = reference, note = "Sent by hand" });

    private static async Task<long> IdAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payout").GetProperty("id").GetInt64();

    /// <summary>The balance as the entries in the database add up, whatever the API says.</summary>
    private static async Task<long> SumAsync(PaymentHarness h, long merchant)
    {
        await using var c = await h.Factory.Db.OpenAsync(default);
        return await c.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(amount_cents), 0) FROM ledger_entries WHERE merchant_id = @merchant", new { merchant });
    }
}
