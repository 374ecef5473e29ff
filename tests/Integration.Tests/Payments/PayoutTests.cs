using System.Text.Json;
using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Time;
using InvoiceFirst.Integration.Tests.Chat;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Payments.Payouts;
using InvoiceFirst.Testing;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Payments;

/// <summary>
/// Automatic payouts over Daraja B2C to collection-route merchants: recorded before the call, sent once, paid once
/// however often the result comes, reserved from the balance while on their way, retried only by a person.
/// </summary>
public sealed class PayoutTests
{
    private const long Collected = 147_750; // KES 1,500 less the 1.5 % fee
    private const long PaidOut = 147_700;   // whole shillings: KES 1,477

    private static Dictionary<string, string?> Settings(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Platform:FeePercent"] = "1.5",
            // Due all day: the schedule's own run at start-up finds nothing yet; the test runs the day once money is in.
            ["Platform:PayoutSchedule:At"] = "00:00",
            ["Platform:PayoutSchedule:MinimumKes"] = "100",
            ["Platform:PayoutSchedule:CheckSeconds"] = "1",
            ["Platform:PayoutSchedule:StatusAfterSeconds"] = "600",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        return settings;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Schedule_OnePayoutPerEligibleMerchant_OneB2cCall_ResultDeliveredFiveTimes_OneLedgerEntry(Dialect dialect)
    {
        await using var h = await StartAsync(Settings(), dialect);
        h.Daraja.B2cResultDeliveries = 5;
        var merchant = await CollectAsync(h, "RKL51ZDR4A");
        var poor = await NewCollectionMerchantAsync(h, "254733444555"); // on the route, nothing collected

        await RunScheduleAsync(h);
        var paid = await UntilPayoutAsync(h, merchant, p => p.GetProperty("status").GetString() == "paid");
        await RunScheduleAsync(h); // the same day again: nothing new
        await PaymentHarness.UntilAsync(async () => h.Daraja.B2cResultsDelivered == 5 ? "all five answered" : null);

        var b2c = Assert.Single(h.Daraja.B2cRequests);
        var request = JsonDocument.Parse(b2c.Body).RootElement;
        Assert.Equal("BusinessPayment", request.GetProperty("CommandID").GetString());
        Assert.Equal("1477", request.GetProperty("Amount").GetString());
        Assert.Equal("174379", request.GetProperty("PartyA").GetString());
        Assert.Equal(BotFactory.MerchantPhone, request.GetProperty("PartyB").GetString());
        Assert.Equal(FakeInitiator.Shared.Name, request.GetProperty("InitiatorName").GetString());
        Assert.StartsWith("https://bot.example.com/payments/b2c/result/", request.GetProperty("ResultURL").GetString());
        Assert.StartsWith("https://bot.example.com/payments/b2c/timeout/", request.GetProperty("QueueTimeOutURL").GetString());
        Assert.True(request.GetProperty("OriginatorConversationID").GetString()!.Length < 20);
        var accepted = Assert.Single(h.Daraja.AcceptedB2cPayments);
        Assert.Equal(accepted.Receipt, paid.GetProperty("receipt").GetString());
        Assert.Empty(await PayoutsAsync(h, poor));

        var ledger = await LedgerAsync(h, merchant);
        var payout = Assert.Single(ledger.GetProperty("entries").EnumerateArray(), e => e.GetProperty("kind").GetString() == "payout");
        Assert.Equal(-PaidOut, payout.GetProperty("amount_cents").GetInt64());
        Assert.Equal(accepted.Receipt, payout.GetProperty("mpesa_reference").GetString());
        Assert.Equal(Collected - PaidOut, ledger.GetProperty("balance_cents").GetInt64());
        Assert.Equal(Collected - PaidOut, ledger.GetProperty("available_cents").GetInt64());
        Assert.Empty(ledger.GetProperty("payouts_in_flight").EnumerateArray());
        Assert.Equal(Collected - PaidOut, await SumAsync(h, merchant));
        var told = Assert.Single(await h.OutboxAsync(), o => o.DedupeKey == $"payout:paid:{paid.GetProperty("id").GetInt64()}");
        Assert.Equal(BotFactory.MerchantPhone, told.Recipient);
        Assert.Contains($"KES 1,477 sent to your M-PESA, receipt {accepted.Receipt}", OutboxRepository.Deserialize(told.Payload).Text);
        Assert.Contains($"Paid out {accepted.Receipt} -KES 1,477", await new MerchantChatDriver(h.Factory).SayAsync("balance"));
    }

    [Fact]
    public async Task InFlight_ReservedFromTheBalance_ManualPayoutRefused_ChatShowsItOnTheWay_UntilTheResultPaysIt()
    {
        await using var h = await StartAsync(Settings());
        h.Daraja.B2cResultDeliveries = 0; // the result is late
        var merchant = await CollectAsync(h, "RKL51ZDR4B");

        await RunScheduleAsync(h);
        await UntilPayoutAsync(h, merchant, p => p.GetProperty("status").GetString() == "sent");
        var ledger = await LedgerAsync(h, merchant);
        var manual = await h.Api.PostAsJsonAsync($"/merchants/{merchant}/payouts", new { amount_cents = 100, mpesa_reference = "QK12ABC34D" });
        var english = await new MerchantChatDriver(h.Factory).SayAsync("balance");
        var swahili = await new MerchantChatDriver(h.Factory).SayAsync("salio");

        Assert.Equal(Collected, ledger.GetProperty("balance_cents").GetInt64());
        Assert.Equal(Collected - PaidOut, ledger.GetProperty("available_cents").GetInt64());
        Assert.Equal(PaidOut, Assert.Single(ledger.GetProperty("payouts_in_flight").EnumerateArray()).GetProperty("amount_cents").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, manual.StatusCode);
        Assert.Contains("On its way to your M-PESA now: KES 1,477.", english);
        Assert.Contains("Inatumwa kwa M-PESA yako sasa: KES 1,477.", swahili);

        await h.Daraja.DeliverB2cResultAsync(Assert.Single(h.Daraja.AcceptedB2cPayments));
        await UntilPayoutAsync(h, merchant, p => p.GetProperty("status").GetString() == "paid");
        Assert.Equal(Collected - PaidOut, await SumAsync(h, merchant));
    }

    [Fact]
    public async Task ResultFailure_Failed_BalanceNoLongerReserved_OperatorRetry_OneNewCallPaidOnce()
    {
        await using var h = await StartAsync(Settings());
        h.Daraja.B2cResultCode = "2001";
        h.Daraja.B2cResultDesc = "The initiator information is invalid.";
        var merchant = await CollectAsync(h, "RKL51ZDR4C");

        await RunScheduleAsync(h);
        var failed = await UntilPayoutAsync(h, merchant, p => p.GetProperty("status").GetString() == "failed");
        var afterFailure = await LedgerAsync(h, merchant);
        h.Daraja.B2cResultCode = "0";
        var retry = await h.Api.PostAsync($"/payouts/{failed.GetProperty("id").GetInt64()}/retry", null);
        var again = await h.Api.PostAsync($"/payouts/{failed.GetProperty("id").GetInt64()}/retry", null);
        var paid = await UntilPayoutAsync(h, merchant, p => p.GetProperty("status").GetString() == "paid");
        var ofThePaid = await h.Api.PostAsync($"/payouts/{paid.GetProperty("id").GetInt64()}/retry", null);
        using var asMerchant = h.Factory.ClientWithKey(await h.Factory.NewMerchantKeyAsync(merchant));

        var toldFailed = Assert.Single(await h.OutboxAsync(), o => o.DedupeKey == $"payout:failed:{failed.GetProperty("id").GetInt64()}");
        Assert.Contains("did not go through, so nothing was sent", OutboxRepository.Deserialize(toldFailed.Payload).Text);
        Assert.DoesNotContain("initiator", OutboxRepository.Deserialize(toldFailed.Payload).Text); // the reason is the operator's
        Assert.Equal("2001", failed.GetProperty("result_code").GetString());
        Assert.Equal("Wrong initiator name or password", failed.GetProperty("result_description").GetString());
        Assert.Equal(Collected, afterFailure.GetProperty("available_cents").GetInt64());
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, ofThePaid.StatusCode);
        Assert.Equal(failed.GetProperty("id").GetInt64(), paid.GetProperty("retry_of").GetInt64());
        Assert.Equal("operator", paid.GetProperty("created_by").GetString());
        Assert.Equal(2, h.Daraja.AcceptedB2cPayments.Count);
        Assert.NotEqual(h.Daraja.AcceptedB2cPayments[0].OriginatorConversationID, h.Daraja.AcceptedB2cPayments[1].OriginatorConversationID);
        Assert.Equal(2, (await PayoutsAsync(h, merchant)).Count); // the failed one stays, as history
        Assert.Equal(Collected - PaidOut, await SumAsync(h, merchant));
        Assert.Equal(HttpStatusCode.Forbidden, (await asMerchant.PostAsync($"/payouts/{failed.GetProperty("id").GetInt64()}/retry", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asMerchant.GetAsync($"/merchants/{merchant}/payouts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await h.Api.PostAsync("/payouts/999999/retry", null)).StatusCode);
    }

    [Fact]
    public async Task Refused_ClearDarajaError_FailedWithTheReason_NothingPaid()
    {
        await using var h = await StartAsync(Settings());
        h.Daraja.EnqueueB2cError(400, "400.002.02", "Bad Request - Invalid PartyB");
        var merchant = await CollectAsync(h, "RKL51ZDR4D");

        await RunScheduleAsync(h);
        var failed = await UntilPayoutAsync(h, merchant, p => p.GetProperty("status").GetString() == "failed");

        Assert.Equal("400.002.02", failed.GetProperty("result_code").GetString());
        Assert.Contains("Invalid PartyB", failed.GetProperty("result_description").GetString());
        Assert.Empty(h.Daraja.AcceptedB2cPayments);
        Assert.Equal(Collected, await SumAsync(h, merchant));
    }

    [Theory]
    [InlineData(false)] // died before the request reached M-PESA
    [InlineData(true)]  // died while waiting for Daraja's answer to a request it took
    public async Task Restart_WithThePayoutSending_SentAgainWithTheSameId_PaidExactlyOnce(bool daraJaTookIt)
    {
        var timing = new Dictionary<string, string?> { ["Mpesa:TimeoutSeconds"] = "1", ["Platform:PayoutSchedule:ResendAfterSeconds"] = "4" };
        await using var h = await StartAsync(Settings(timing));
        h.Daraja.B2cResultDeliveries = 0; // results are delivered by hand, to whichever host is up
        if (daraJaTookIt) h.Daraja.B2cAckDelay = TimeSpan.FromSeconds(3);
        else h.Daraja.LoseNextB2cRequests(1, TimeSpan.FromSeconds(3));
        var merchant = await CollectAsync(h, "RKL51ZDR4E");

        await RunScheduleAsync(h);
        await h.Daraja.WaitForB2cRequestsAsync(1, PaymentHarness.Deadline);
        var sending = await UntilPayoutAsync(h, merchant, p => p.GetProperty("status").GetString() == "sending");
        await Task.Delay(TimeSpan.FromSeconds(1.2)); // the bot's call has timed out: the outcome is unknown
        h.Daraja.B2cAckDelay = TimeSpan.Zero;
        await h.RestartAsync();
        await h.Daraja.WaitForB2cRequestsAsync(2, PaymentHarness.Deadline);
        await UntilPayoutAsync(h, merchant, p => p.GetProperty("status").GetString() == "sent");
        await h.Daraja.DeliverB2cResultAsync(Assert.Single(h.Daraja.AcceptedB2cPayments), times: 2);
        var paid = await UntilPayoutAsync(h, merchant, p => p.GetProperty("status").GetString() == "paid");

        var ocid = sending.GetProperty("originator_conversation_id").GetString();
        Assert.All(h.Daraja.B2cRequests, r => Assert.Equal(ocid, JsonDocument.Parse(r.Body).RootElement.GetProperty("OriginatorConversationID").GetString()));
        Assert.Single(h.Daraja.AcceptedB2cPayments);
        Assert.Equal(daraJaTookIt ? 1 : 0, h.Daraja.B2cDuplicatesRefused);
        Assert.Equal(h.Daraja.AcceptedB2cPayments[0].Receipt, paid.GetProperty("receipt").GetString());
        Assert.Single(await PayoutsAsync(h, merchant));
        Assert.Equal(Collected - PaidOut, await SumAsync(h, merchant));
    }

    [Fact]
    public async Task NoResult_TransactionStatusByOriginatorConversationId_Paid()
    {
        await using var h = await StartAsync(Settings(new Dictionary<string, string?> { ["Platform:PayoutSchedule:StatusAfterSeconds"] = "1" }));
        h.Daraja.B2cResultDeliveries = 0; // the result never comes
        var merchant = await CollectAsync(h, "RKL51ZDR4F");

        await RunScheduleAsync(h);
        var paid = await UntilPayoutAsync(h, merchant, p => p.GetProperty("status").GetString() == "paid");

        var query = h.Daraja.StatusQueries.Last();
        Assert.Equal(paid.GetProperty("originator_conversation_id").GetString(), query.OriginalConversationId);
        Assert.StartsWith("/payments/b2c/result/", query.ResultPath);
        Assert.Equal(h.Daraja.AcceptedB2cPayments[0].Receipt, paid.GetProperty("receipt").GetString());
        Assert.Single(h.Daraja.B2cRequests);
        Assert.Equal(Collected - PaidOut, await SumAsync(h, merchant));
    }

    [Fact]
    public async Task ForgedResult_WrongTokenOrAnotherPayoutsId_ChangesNothing()
    {
        await using var h = await StartAsync(Settings());
        h.Daraja.B2cResultDeliveries = 0;
        var merchant = await CollectAsync(h, "RKL51ZDR4G");
        await RunScheduleAsync(h);
        await UntilPayoutAsync(h, merchant, p => p.GetProperty("status").GetString() == "sent");
        var genuine = Assert.Single(h.Daraja.AcceptedB2cPayments);
        var body = h.Daraja.B2cResultBody(genuine);
        using var client = h.Factory.CreateClient();

        var wrongToken = await client.PostAsync("/payments/b2c/result/" + SecureToken.New(), Json(body));
        var shortToken = await client.PostAsync("/payments/b2c/result/abc", Json(body));
        var timeout = await client.PostAsync("/payments/b2c/timeout/" + SecureToken.New(), Json("{}"));
        // Results are applied at the door, before it answers: nothing is left to wait for.
        var otherId = await client.PostAsync(genuine.ResultPath, Json(body.Replace(genuine.OriginatorConversationID, "po-000000000000")));

        Assert.Equal(HttpStatusCode.NotFound, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, shortToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, timeout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherId.StatusCode);
        Assert.Equal("sent", Assert.Single(await PayoutsAsync(h, merchant)).GetProperty("status").GetString());
        Assert.Equal(Collected, await SumAsync(h, merchant));
    }

    [Fact]
    public async Task OpsConsole_AFailedPayoutIsListedAndRetriedOnce_ThenItLeavesTheList()
    {
        await using var h = await StartAsync(Settings(Ops.OpsBrowser.Settings));
        h.Daraja.B2cResultCode = "1";
        h.Daraja.B2cResultDesc = "The balance is insufficient for the transaction.";
        var merchant = await CollectAsync(h, "RKL51ZDR4E");
        await RunScheduleAsync(h);
        var failed = await UntilPayoutAsync(h, merchant, p => p.GetProperty("status").GetString() == "failed");
        var ops = new Ops.OpsBrowser(h.Factory);
        await ops.LogInAsync();

        var overview = await ops.GetTextAsync("/ops");
        var list = await ops.GetTextAsync("/ops/payouts");
        h.Daraja.B2cResultCode = "0";
        var retried = await ops.PostFormAsync($"/ops/payouts/{failed.GetProperty("id").GetInt64()}/retry", []);
        var twice = await ops.PostFormAsync($"/ops/payouts/{failed.GetProperty("id").GetInt64()}/retry", []);
        var paid = await UntilPayoutAsync(h, merchant, p => p.GetProperty("status").GetString() == "paid");
        var after = await ops.GetTextAsync("/ops/payouts");

        Assert.Contains("1 payout(s) failed, not retried", overview);
        Assert.Contains($"data-payout=\"{failed.GetProperty("id").GetInt64()}\"", list);
        Assert.Contains("KES 1,477", list);
        Assert.Contains("Not enough money in the shortcode's B2C utility account", System.Net.WebUtility.HtmlDecode(list));
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Contains("A new payout of the same amount is on its way", await retried.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(Ops.OpsBrowser.Operator, paid.GetProperty("created_by").GetString());
        Assert.Equal(2, h.Daraja.AcceptedB2cPayments.Count); // the failed one and its one retry
        Assert.DoesNotContain("data-payout=", after);
        Assert.Contains("No failed payout is waiting for you.", after);
    }

    private static async Task<PaymentHarness> StartAsync(Dictionary<string, string?> settings, Dialect dialect = Dialect.Postgres)
    {
        var h = await PaymentHarness.StartAsync(settings, dialect);
        // Daraja posts results to the public URL; here they go through the host under test, whichever is running.
        h.Daraja.B2cResultSink = async (url, body) =>
        {
            using var client = h.Factory.CreateClient();
            (await client.PostAsync(new Uri(url).AbsolutePath, Json(body))).Dispose();
        };
        return h;
    }

    /// <summary>The seeded merchant on the collection route with one KES 1,500 Paybill payment credited (less the fee).</summary>
    private static async Task<long> CollectAsync(PaymentHarness h, string receipt)
    {
        var merchant = await MerchantLedgerTests.SetRouteAsync(h, "COLLECTION");
        var invoice = await h.CreateInvoiceAsync(1500);
        await h.PayByPaybillAsync(receipt, invoice.PaymentReference, 1500);
        await h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
        await PaymentHarness.UntilAsync(async () => await SumAsync(h, merchant) == Collected ? "credited" : null);
        return merchant;
    }

    private static async Task<long> NewCollectionMerchantAsync(PaymentHarness h, string phone)
    {
        var created = await (await h.Api.PostAsJsonAsync("/merchants", new { phone, name = "Mama Mboga", language = "sw" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt64();
        await using var c = await h.Factory.Db.OpenAsync(default);
        await c.ExecuteAsync("UPDATE merchants SET pay_route = 'COLLECTION' WHERE id = @id", new { id });
        return id;
    }

    private static Task RunScheduleAsync(PaymentHarness h) =>
        h.Factory.Services.GetRequiredService<PayoutScheduleWorker>().RunAsync(NairobiTime.Date(DateTimeOffset.UtcNow), 100, default);

    private static async Task<IReadOnlyList<JsonElement>> PayoutsAsync(PaymentHarness h, long merchant)
    {
        var response = await h.Api.GetAsync($"/merchants/{merchant}/payouts");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("payouts").EnumerateArray()];
    }

    /// <summary>Waits until the merchant's newest payout is as wanted.</summary>
    private static async Task<JsonElement> UntilPayoutAsync(PaymentHarness h, long merchant, Func<JsonElement, bool> wanted) =>
        (await PaymentHarness.UntilAsync(async () =>
        {
            var newest = (await PayoutsAsync(h, merchant)).FirstOrDefault();
            return newest.ValueKind == JsonValueKind.Object && wanted(newest) ? new[] { newest } : null;
        }))[0];

    private static async Task<JsonElement> LedgerAsync(PaymentHarness h, long merchant)
    {
        var response = await h.Api.GetAsync($"/merchants/{merchant}/ledger");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<long> SumAsync(PaymentHarness h, long merchant)
    {
        await using var c = await h.Factory.Db.OpenAsync(default);
        return await c.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(amount_cents), 0) FROM ledger_entries WHERE merchant_id = @merchant", new { merchant });
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
