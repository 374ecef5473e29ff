using System.Text;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Payments;

public sealed class StkPaymentTests : IAsyncLifetime
{
    private const string Passkey = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919";
    private PaymentHarness _h = null!;

    public async Task InitializeAsync() => _h = await PaymentHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Tap_CustomerButtonThenSuccessCallback_PushesAsSpecifiedAndPaysWithOneReceiptEach()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);

        await _h.TapAsync(invoice.Id);
        var (payment, push) = await _h.WaitForPushAsync(1);
        var response = await _h.PaySuccessAsync(payment);
        var paid = await _h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
        var receipts = (await _h.OutboxAsync()).Where(o => o.DedupeKey?.StartsWith("receipt:") == true).ToList();

        var timestamp = push.GetProperty("Timestamp").GetString()!;
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("174379" + Passkey + timestamp)), push.GetProperty("Password").GetString());
        Assert.Equal("1500", push.GetProperty("Amount").GetString());
        Assert.Equal(PaymentHarness.Customer, push.GetProperty("PhoneNumber").GetString());
        Assert.Equal(PaymentHarness.Customer, push.GetProperty("PartyA").GetString());
        // The reference unique across merchants: the merchant's code and the invoice's sequence.
        Assert.Matches("^[2-9A-HJ-NP-Z]{3}-1$", push.GetProperty("AccountReference").GetString());
        Assert.Equal(invoice.PaymentRef, push.GetProperty("AccountReference").GetString());
        Assert.Equal($"https://bot.example.com/payments/stk/callback/{payment.CallbackToken}", push.GetProperty("CallBackURL").GetString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(150000, paid.AmountPaidCents);
        Assert.NotNull(paid.PaidAt);
        Assert.Equal("NLJ7RT61SV", (await _h.PaymentsAsync()).Single().MpesaReceipt);
        Assert.Equal([$"receipt:customer:{payment.Id}", $"receipt:merchant:{payment.Id}"], receipts.Select(r => r.DedupeKey).Order());
        Assert.Equal([BotFactory.MerchantPhone, PaymentHarness.Customer], receipts.Select(r => r.Recipient).Order());
        Assert.Contains("NLJ7RT61SV", receipts.Single(r => r.Recipient == PaymentHarness.Customer).Payload);
    }

    [Fact]
    public async Task Callback_ReplayedFiveTimesThenTwentyConcurrently_SettlesOnce()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);
        await _h.TapAsync(invoice.Id);
        var (payment, _) = await _h.WaitForPushAsync(1);

        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await _h.PaySuccessAsync(payment)).StatusCode);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _h.PaySuccessAsync(payment)));
        await _h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
        await _h.InboxDrainedAsync();

        Assert.All(concurrent, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(150000, (await _h.InvoiceAsync(invoice.Id))!.AmountPaidCents);
        Assert.Equal(2, (await _h.OutboxAsync()).Count(o => o.DedupeKey?.StartsWith("receipt:") == true));
    }

    [Fact]
    public async Task Callback_WrongTokenOrUnknownCheckoutId_ChangesNothing()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);
        await _h.TapAsync(invoice.Id);
        var (payment, _) = await _h.WaitForPushAsync(1);
        _h.Daraja.SetQueryResult("ws_CO_unknown", "0", "ok");

        var wrongToken = await _h.CallbackAsync(payment, FakeDarajaCallbacks.Success(payment.CheckoutRequestId!, 1500), token: "forged-token");
        var unknownCheckout = await _h.CallbackAsync(payment, FakeDarajaCallbacks.Success("ws_CO_unknown", 1500));
        await _h.InboxDrainedAsync();

        Assert.Equal(HttpStatusCode.OK, wrongToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownCheckout.StatusCode);
        Assert.Equal(PaymentStatus.Initiated, (await _h.PaymentsAsync()).Single().Status);
        Assert.Equal(0, (await _h.InvoiceAsync(invoice.Id))!.AmountPaidCents);
    }

    [Fact]
    public async Task Callback_AmountMismatch_NeedsReviewAndNothingSettled()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);
        await _h.TapAsync(invoice.Id);
        var (payment, _) = await _h.WaitForPushAsync(1);
        _h.Daraja.SetQueryResult(payment.CheckoutRequestId!, "0", "ok");

        await _h.CallbackAsync(payment, FakeDarajaCallbacks.Success(payment.CheckoutRequestId!, 1));
        var reviewed = await _h.UntilPaymentAsync(payment.Id, p => p.Status != PaymentStatus.Initiated);

        Assert.Equal(PaymentStatus.NeedsReview, reviewed.Status);
        Assert.Equal(0, (await _h.InvoiceAsync(invoice.Id))!.AmountPaidCents);
    }

    [Fact]
    public async Task Tap_Twice_MakesOnePushAndSaysCheckYourPhone()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);

        await _h.TapAsync(invoice.Id);
        await _h.TapAsync(invoice.Id);
        await _h.WaitForPushAsync(1);
        await _h.InboxDrainedAsync();
        await Task.Delay(300); // the push worker polls every 100 ms: give a wrong second push the chance to show

        Assert.Single(_h.Daraja.StkPushes);
        Assert.Single(await _h.PaymentsAsync());
        Assert.Contains(await _h.OutboxAsync(), o => o.Recipient == PaymentHarness.Customer && o.Payload.Contains("already on your phone"));
    }

    [Fact]
    public async Task Tap_InvoiceAbove250000_PaysInTwoPartsThenPaid()
    {
        var invoice = await _h.CreateInvoiceAsync(400_000);

        await _h.TapAsync(invoice.Id);
        var (first, firstPush) = await _h.WaitForPushAsync(1);
        await _h.PaySuccessAsync(first, "RCPT000001");
        var partly = await _h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.PartiallyPaid);
        await _h.TapAsync(invoice.Id);
        var (second, secondPush) = await _h.WaitForPushAsync(2);
        await _h.PaySuccessAsync(second, "RCPT000002");
        var paid = await _h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);

        Assert.Equal("250000", firstPush.GetProperty("Amount").GetString());
        Assert.Equal(25_000_000, partly.AmountPaidCents);
        Assert.Equal("150000", secondPush.GetProperty("Amount").GetString());
        Assert.Equal(40_000_000, paid.AmountPaidCents);
    }

    [Fact]
    public async Task Callback_Cancelled1032_OffersRetryAndSecondAttemptPays()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);
        await _h.TapAsync(invoice.Id);
        var (first, _) = await _h.WaitForPushAsync(1);

        await _h.CallbackAsync(first, FakeDarajaCallbacks.Failure(first.CheckoutRequestId!));
        var cancelled = await _h.UntilPaymentAsync(first.Id, p => p.Status != PaymentStatus.Initiated);
        var retry = await PaymentHarness.UntilAsync(async () => (await _h.OutboxAsync()).SingleOrDefault(o => o.DedupeKey == $"payment:failed:{first.Id}"));
        await _h.TapAsync(invoice.Id);
        var (second, _) = await _h.WaitForPushAsync(2);
        await _h.PaySuccessAsync(second);
        var paid = await _h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);

        Assert.Equal(PaymentStatus.Cancelled, cancelled.Status);
        Assert.Contains($"pay:{invoice.Id}", retry.Payload);
        Assert.Equal(150000, paid.AmountPaidCents);
    }

    [Fact]
    public async Task Tap_ByAnotherNumber_IsRefusedWithoutPush()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);

        await _h.TapAsync(invoice.Id, from: "254722000000");
        await _h.InboxDrainedAsync();

        Assert.Empty(_h.Daraja.StkPushes);
        Assert.Empty(await _h.PaymentsAsync());
        Assert.Contains(await _h.OutboxAsync(), o => o.Recipient == "254722000000" && o.Payload.Contains("not sent to this number"));
    }

    [Fact]
    public async Task SmsPay_FromCustomer_PushesToThatNumberAndAnswersBySms()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);

        await _h.StoreInboundAsync(new ChatEvent
        {
            Provider = Providers.AfricasTalking, EventId = "at-1", ChatKind = InboundKind.Text, Channel = Channels.Sms,
            From = PaymentHarness.Customer, Text = "PAY", Timestamp = DateTimeOffset.UtcNow,
        });
        var (payment, push) = await _h.WaitForPushAsync(1);

        Assert.Equal(invoice.Id, payment.InvoiceId);
        Assert.Equal(PaymentHarness.Customer, push.GetProperty("PhoneNumber").GetString());
        Assert.Contains(await _h.OutboxAsync(), o => o.Recipient == PaymentHarness.Customer && o.Channel == "sms" && o.Payload.Contains("Check your phone"));
    }

    [Fact]
    public async Task Initiate_WithoutIdempotencyKey_Returns400()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);

        var response = await _h.Api.PostAsJsonAsync("/payments/stk/initiate", new { invoice_id = invoice.Id });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await _h.PaymentsAsync());
    }

    [Fact]
    public async Task Initiate_SameKeyTwice_SamePaymentOnePush()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);

        var first = await InitiateAsync(invoice.Id, "k-1", "0722000000");
        var second = await InitiateAsync(invoice.Id, "k-1", "0722000000");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(await _h.PaymentsAsync());
        // The push worker may have claimed the payment before the API call did: wait for whichever pushed.
        await _h.Daraja.WaitForStkPushesAsync(1, TimeSpan.FromSeconds(10));
        Assert.Single(_h.Daraja.StkPushes);
        Assert.Contains("\"PhoneNumber\":\"254722000000\"", _h.Daraja.StkPushes[0].Body);
        Assert.Equal(_h.Daraja.StkPushes[0].BearerToken, await StoredTokenAsync());
    }

    private async Task<string?> StoredTokenAsync()
    {
        await using var c = await _h.Factory.Db.OpenAsync(default);
        return await Dapper.SqlMapper.ExecuteScalarAsync<string?>(c, "SELECT value FROM settings WHERE key = 'mpesa.oauth_token'");
    }

    private Task<HttpResponseMessage> InitiateAsync(string invoiceId, string key, string? msisdn)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/payments/stk/initiate") { Content = JsonContent.Create(new { invoice_id = invoiceId, msisdn }) };
        request.Headers.Add("Idempotency-Key", key);
        return _h.Api.SendAsync(request);
    }
}
