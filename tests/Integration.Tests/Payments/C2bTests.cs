using InvoiceFirst.Data.Payments;
using System.Text.Json;
using Dapper;
using InvoiceFirst.Bot.Reconciliation;
using InvoiceFirst.Data.C2b;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Payments;

/// <summary>
/// Paybill/Till payments: Daraja signs nothing, so a confirmation counts only when it came to the
/// tokenized URL and Transaction Status confirms its receipt, amount and shortcode.
/// </summary>
public sealed class C2bTests : IAsyncLifetime
{
    private PaymentHarness _h = null!;

    public async Task InitializeAsync() => _h = await PaymentHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static string Confirmation(string transId, string account, long shillings) => PaymentHarness.C2bConfirmation(transId, account, shillings);

    [Fact]
    public async Task Confirmation_VerifiedByTransactionStatus_PaysOnceEvenWhenReplayed()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);
        var account = " " + invoice.Number.ToLowerInvariant() + " ";

        var first = await _h.PayByPaybillAsync("RKL51ZDR4F", account, 1500);
        var paid = await _h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
        var replay = await _h.ConfirmC2bAsync(Confirmation("RKL51ZDR4F", account, 1500));
        await _h.InboxDrainedAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(150000, paid.AmountPaidCents);
        Assert.Equal(150000, (await _h.InvoiceAsync(invoice.Id))!.AmountPaidCents);
        Assert.Equal(PaymentMethod.C2b, Assert.Single(await _h.PaymentsAsync()).Method);
        Assert.Equal(2, (await _h.OutboxAsync()).Count(o => o.DedupeKey?.StartsWith("receipt:") == true));
        var query = Assert.Single(_h.Daraja.StatusQueries);
        Assert.Equal("RKL51ZDR4F", query.TransactionId);
        Assert.Equal("174379", query.PartyA);
        Assert.StartsWith("https://bot.example.com/payments/tx-status/result/", query.ResultUrl);
        Assert.StartsWith("https://bot.example.com/payments/tx-status/timeout/", query.QueueTimeOutUrl);
    }

    [Fact]
    public async Task Confirmation_GenuineDeliveredFiveTimesConcurrently_SettledOnceWithOneReceiptEach()
    {
        await using var h = await PaymentHarness.StartAsync(answerStatusQueries: false);
        var invoice = await h.CreateInvoiceAsync(2500);
        h.Daraja.KnowPayment("RKL51ZDR5X", 2500);
        var body = Confirmation("RKL51ZDR5X", invoice.Number, 2500);

        var confirmations = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => h.ConfirmC2bAsync(body)));
        await h.Daraja.WaitForStatusQueriesAsync(1, PaymentHarness.Deadline);
        var query = h.Daraja.StatusQueries[0];
        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => h.DeliverStatusResultAsync(query)));
        // Daraja may also answer a second query about the same receipt.
        await h.Factory.Services.GetRequiredService<InvoiceFirst.Payments.Flow.C2bVerifier>().RunOnceAsync(default);
        await h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
        await h.InboxDrainedAsync();

        Assert.All(confirmations.Concat(results), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(250000, (await h.InvoiceAsync(invoice.Id))!.AmountPaidCents);
        Assert.Single(await h.PaymentsAsync());
        var receipts = (await h.OutboxAsync()).Where(o => o.DedupeKey?.StartsWith("receipt:") == true).ToList();
        Assert.Equal(2, receipts.Count);
        Assert.Equal(C2bConfirmationStatus.Verified, Assert.Single(await h.ConfirmationsAsync()).Status);
    }

    [Theory]
    [InlineData("/payments/c2b/confirmation")]
    [InlineData("/payments/c2b/confirmation/wrong-token-wrong-token-wrong-token-1")]
    [InlineData("/payments/c2b/confirmation/")]
    public async Task Confirmation_TokenlessOrWrongUrl_404AndNothingHappens(string path)
    {
        var invoice = await _h.CreateInvoiceAsync(4500);

        var response = await _h.ConfirmC2bAsync(Confirmation("QFORGED0001", invoice.Number, 4500), path);
        var validation = await _h.Factory.CreateClient().PostAsync(path.Replace("confirmation", "validation"),
            new StringContent(Confirmation("QFORGED0001", invoice.Number, 4500), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, validation.StatusCode);
        await AssertNoEffectAsync(invoice);
        Assert.Empty(await _h.ConfirmationsAsync());
        await using var c = await _h.Factory.Db.OpenAsync(default);
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM inbox WHERE provider = 'mpesa'"));
    }

    [Fact]
    public async Task Confirmation_StatusSaysNotFound_RejectedNobodyToldAndReconciliationShowsIt()
    {
        var invoice = await _h.CreateInvoiceAsync(4500);

        var response = await _h.ConfirmC2bAsync(Confirmation("QFORGED0001", invoice.Number, 4500));
        var rejected = await UntilConfirmationAsync(C2bConfirmationStatus.Rejected);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNoEffectAsync(invoice);
        var difference = Assert.Single(await ReconciliationAsync(), d => d.GetProperty("mpesa_receipt").GetString() == "QFORGED0001");
        Assert.Equal(Reconciler.C2bRejected, difference.GetProperty("kind").GetString());
        Assert.Contains("R000001", rejected.Reason);
    }

    [Theory]
    [InlineData("RKL51ZDR4F", 3000, "174379", "Completed", "the amount differs")]
    [InlineData("RKL0THER99", 4500, "174379", "Completed", "the receipt differs")]
    [InlineData("RKL51ZDR4F", 4500, "600000", "Completed", "the shortcode differs")]
    [InlineData("RKL51ZDR4F", 4500, "174379", "Declined", "Declined")]
    public async Task Confirmation_StatusDescribesAnotherPayment_Rejected(string receipt, long amount, string shortCode, string status, string reason)
    {
        await using var h = await PaymentHarness.StartAsync(answerStatusQueries: false);
        var invoice = await h.CreateInvoiceAsync(4500);
        await h.ConfirmC2bAsync(Confirmation("RKL51ZDR4F", invoice.Number, 4500));
        await h.Daraja.WaitForStatusQueriesAsync(1, PaymentHarness.Deadline);

        await h.DeliverStatusResultAsync(h.Daraja.StatusQueries[0], FakeDarajaResults.Completed(receipt, amount, shortCode, status));
        var rejected = await PaymentHarness.UntilAsync(async () =>
            (await h.ConfirmationsAsync()).SingleOrDefault(c => c.Status == C2bConfirmationStatus.Rejected));
        await h.InboxDrainedAsync();

        Assert.Contains(reason, rejected.Reason);
        Assert.Equal(InvoiceStatus.Pending, (await h.InvoiceAsync(invoice.Id))!.Status);
        Assert.Empty(await h.PaymentsAsync());
        Assert.All(await h.OutboxAsync(), o => Assert.StartsWith("invoice", o.DedupeKey));
    }

    [Fact]
    public async Task Confirmation_ForAnotherShortcode_RejectedWithoutAQuery()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);

        await _h.ConfirmC2bAsync(Confirmation("RKL51ZDR4F", invoice.Number, 1500).Replace("\"174379\"", "\"999999\""));
        var rejected = await UntilConfirmationAsync(C2bConfirmationStatus.Rejected);

        Assert.Contains("shortcode", rejected.Reason);
        Assert.Empty(_h.Daraja.StatusQueries);
        await AssertNoEffectAsync(invoice);
    }

    [Fact]
    public async Task StatusResult_UnknownToken_404AndNothingStored()
    {
        using var client = _h.Factory.CreateClient();

        var response = await client.PostAsync("/payments/tx-status/result/" + SecureToken.New(),
            new StringContent(FakeDarajaResults.Completed("QFORGED0001", 4500), System.Text.Encoding.UTF8, "application/json"));
        var timeout = await client.PostAsync("/payments/tx-status/timeout/" + SecureToken.New(), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, timeout.StatusCode);
        await using var c = await _h.Factory.Db.OpenAsync(default);
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM inbox"));
    }

    [Fact]
    public async Task Confirmation_NoAnswerWithinVerifyHours_UnverifiedAndListed()
    {
        await using var h = await PaymentHarness.StartAsync(answerStatusQueries: false);
        var invoice = await h.CreateInvoiceAsync(1500);
        await h.ConfirmC2bAsync(Confirmation("RKL51ZDR4F", invoice.Number, 1500));
        await h.Daraja.WaitForStatusQueriesAsync(1, PaymentHarness.Deadline);

        await using (var c = await h.Factory.Db.OpenAsync(default))
            await c.ExecuteAsync("UPDATE c2b_confirmations SET received_at = @then", new { then = DateTimeOffset.UtcNow.AddHours(-7) });
        await h.Factory.Services.GetRequiredService<InvoiceFirst.Payments.Flow.C2bVerifier>().RunOnceAsync(default);

        var unverified = Assert.Single(await h.ConfirmationsAsync());
        Assert.Equal(C2bConfirmationStatus.Unverified, unverified.Status);
        Assert.Equal(InvoiceStatus.Pending, (await h.InvoiceAsync(invoice.Id))!.Status);
        using var api = h.Factory.ApiClient();
        var report = await api.GetFromJsonAsync<JsonElement>("/reconciliation");
        Assert.Contains(report.GetProperty("differences").EnumerateArray(), d => d.GetProperty("kind").GetString() == Reconciler.C2bUnverified);

        // A late, genuine answer still counts: the money is real.
        h.Daraja.KnowPayment("RKL51ZDR4F", 1500);
        await h.DeliverStatusResultAsync(h.Daraja.StatusQueries[0]);
        await h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
    }

    [Fact]
    public async Task Confirmation_UnknownAccount_RecordedUnappliedAndMerchantTold()
    {
        await _h.PayByPaybillAsync("RKL51ZDR4G", "SOMETHING", 500);

        var payment = await PaymentHarness.UntilAsync(async () => (await _h.PaymentsAsync()).SingleOrDefault());
        var notice = await PaymentHarness.UntilAsync(async () => (await _h.OutboxAsync()).SingleOrDefault(o => o.DedupeKey == "c2b:unapplied:RKL51ZDR4G"));

        Assert.Null(payment.InvoiceId);
        Assert.Equal(BotFactory.MerchantPhone, notice.Recipient);
    }

    [Fact]
    public async Task Confirmation_OnSqlite_VerifiedAndPaid()
    {
        await using var h = await PaymentHarness.StartAsync(dialect: Dialect.Sqlite);
        var invoice = await h.CreateInvoiceAsync(1500);

        await h.PayByPaybillAsync("RKL51ZDR4S", invoice.Number, 1500);

        var paid = await h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
        Assert.Equal(150000, paid.AmountPaidCents);
    }

    [Fact]
    public async Task Validation_RightToken_Accepted()
    {
        using var client = _h.Factory.CreateClient();

        var response = await client.PostAsync(BotFactory.C2bValidationPath,
            new StringContent(Confirmation("RKL51ZDR4F", "INV-0001", 1500), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ResultCode").GetString());
    }

    private async Task<C2bConfirmation> UntilConfirmationAsync(string status)
    {
        var found = await PaymentHarness.UntilAsync(async () => (await _h.ConfirmationsAsync()).SingleOrDefault(c => c.Status == status));
        await _h.InboxDrainedAsync();
        return found;
    }

    // The invoice's own message to the customer is all the outbox may hold: nobody is told of money.
    private async Task AssertNoEffectAsync(Invoice invoice)
    {
        await _h.InboxDrainedAsync();
        var now = (await _h.InvoiceAsync(invoice.Id))!;
        Assert.Equal(invoice.Status, now.Status);
        Assert.Equal(0, now.AmountPaidCents);
        Assert.Empty(await _h.PaymentsAsync());
        Assert.All(await _h.OutboxAsync(), o => Assert.StartsWith("invoice", o.DedupeKey));
    }

    private async Task<List<JsonElement>> ReconciliationAsync()
    {
        using var api = _h.Factory.ApiClient();
        var report = await api.GetFromJsonAsync<JsonElement>("/reconciliation");
        return [.. report.GetProperty("differences").EnumerateArray()];
    }
}
