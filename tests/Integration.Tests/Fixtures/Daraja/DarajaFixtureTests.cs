using InvoiceFirst.Bot.Reconciliation;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Integration.Tests.Payments;
using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Integration.Tests.Fixtures.Daraja;

/// <summary>One host shared by the fixtures: each case uses its own invoice and customer.</summary>
public sealed class DarajaFixtureHost : IAsyncLifetime
{
    public PaymentHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync() => Harness = await PaymentHarness.StartAsync();

    public async Task DisposeAsync() => await Harness.DisposeAsync();
}

/// <summary>Every real-world Daraja shape, replayed over the real host with its effect asserted.</summary>
public sealed class DarajaFixtureTests(DarajaFixtureHost host) : IClassFixture<DarajaFixtureHost>
{
    private static int _customer;
    private PaymentHarness H => host.Harness;

    public static TheoryData<StkCallbackFixtures.Fixture> Stk => new(StkCallbackFixtures.All);

    public static TheoryData<C2bConfirmationFixtures.Fixture> C2b => new(C2bConfirmationFixtures.All);

    private async Task<(Invoice Invoice, Payment Payment)> PushedAsync(long shillings)
    {
        var invoice = await H.CreateInvoiceAsync(shillings, msisdn: "2547" + (20_000_000 + Interlocked.Increment(ref _customer)));
        var pushes = H.Daraja.StkPushes.Count;
        await H.TapAsync(invoice.Id, invoice.Msisdn);
        var (payment, _) = await H.WaitForPushAsync(pushes + 1);
        return (invoice, payment);
    }

    // Receipts are unique across payments, as M-PESA's are.
    private static string Fill(string body, string checkout) =>
        StkCallbackFixtures.Fill(body, checkout, 1500, "SFX" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant());

    [Theory]
    [MemberData(nameof(Stk))]
    public async Task StkCallback_RealWorldShape_HasItsEffect(StkCallbackFixtures.Fixture fixture)
    {
        var (invoice, payment) = await PushedAsync(1500);
        var checkout = payment.CheckoutRequestId!;
        // Live mode confirms a success with STK Query; an unknown code is decided by the query's answer.
        H.Daraja.SetQueryResult(checkout, fixture.QueryAnswer ?? "0", "answer");

        var response = await H.CallbackAsync(payment, Fill(fixture.Body, checkout));
        var final = await H.UntilPaymentAsync(payment.Id, p => p.Status != PaymentStatus.Initiated);
        await H.InboxDrainedAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(fixture.Status, final.Status);
        var outbox = await H.OutboxAsync();
        if (fixture.Status == PaymentStatus.Success)
        {
            Assert.Equal(InvoiceStatus.Paid, (await H.InvoiceAsync(invoice.Id))!.Status);
            Assert.Contains(outbox, o => o.DedupeKey == $"receipt:customer:{payment.Id}");
            return;
        }
        var notice = Assert.Single(outbox, o => o.DedupeKey == $"payment:failed:{payment.Id}");
        Assert.Equal(invoice.Msisdn, notice.Recipient);
        var expected = Bot.Conversations.Replies.PaymentNotCompleted(fixture.Kind!.Value, invoice.Number, invoice.Id, Bot.Kernel.Language.English);
        Assert.Equal(expected.Text, System.Text.Json.JsonDocument.Parse(notice.Payload).RootElement.GetProperty("text").GetString());
        Assert.Equal(fixture.TryAgain, notice.Payload.Contains($"pay:{invoice.Id}"));
        Assert.Equal(InvoiceStatus.Pending, (await H.InvoiceAsync(invoice.Id))!.Status);
    }

    [Fact]
    public async Task StkCallback_MalformedThenGenuine_TheGenuineOneSettles()
    {
        var (invoice, payment) = await PushedAsync(1500);
        var checkout = payment.CheckoutRequestId!;
        H.Daraja.SetQueryResult(checkout, MpesaResultCodes.StillProcessing, "The transaction is still under processing");

        await H.CallbackAsync(payment, Fill(StkCallbackFixtures.Malformed, checkout));
        await H.InboxDrainedAsync();
        var stillOpen = (await H.PaymentsAsync(invoice.Id)).Single();
        H.Daraja.SetQueryResult(checkout, "0", "The service request is processed successfully.");
        await H.CallbackAsync(payment, Fill(StkCallbackFixtures.All[0].Body, checkout));

        Assert.Equal(PaymentStatus.Initiated, stillOpen.Status);
        await H.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
        using var api = H.Factory.ApiClient();
        var report = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/reconciliation");
        Assert.Contains(report.GetProperty("differences").EnumerateArray(), d =>
            d.GetProperty("kind").GetString() == Reconciler.UnreadableCallback && d.GetProperty("payment_id").ToString() == payment.Id.ToString());
    }

    [Theory]
    [MemberData(nameof(C2b))]
    public async Task C2bConfirmation_RealWorldShape_HasItsEffect(C2bConfirmationFixtures.Fixture fixture)
    {
        var invoice = await H.CreateInvoiceAsync(2500, msisdn: "2547" + (20_000_000 + Interlocked.Increment(ref _customer)));
        var transId = "SFX" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant();
        H.Daraja.KnowPayment(transId, 2500);

        var response = await H.ConfirmC2bAsync(C2bConfirmationFixtures.Fill(fixture.Body, transId, invoice.Number, 2500));
        await H.InboxDrainedAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (fixture.Paid)
        {
            var paid = await H.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
            Assert.Equal(250000, paid.AmountPaidCents);
            Assert.Contains(await H.PaymentsAsync(invoice.Id), p => p.MpesaReceipt == transId);
            return;
        }
        Assert.Equal(InvoiceStatus.Pending, (await H.InvoiceAsync(invoice.Id))!.Status);
        Assert.Empty(await H.PaymentsAsync(invoice.Id));
        await using var c = await H.Factory.Db.OpenAsync(default);
        var kept = await Dapper.SqlMapper.QueryAsync<string>(c, "SELECT raw FROM review_items WHERE source = 'c2b_confirmation'");
        Assert.Contains(kept, raw => raw.Contains(invoice.Number));
    }
}
