using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Data.Reminders;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Payments;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Faults;

/// <summary>
/// STK callbacks that arrive late (after the invoice was paid another way, cancelled, expired, or
/// already settled by STK Query) or out of order never move an invoice or payment backwards and
/// never settle twice. Outcomes are what the customer and merchant see: status and receipts.
/// </summary>
public sealed class CallbackOrderingTests : IAsyncLifetime
{
    private PaymentHarness _h = null!;

    public async Task InitializeAsync() => _h = await PaymentHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task FailureCallback_AfterSuccess_PaymentAndInvoiceStayPaidNoRetryOffered()
    {
        var (invoice, payment) = await PushedAsync();
        await _h.PaySuccessAsync(payment);
        var paid = await _h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);

        await _h.CallbackAsync(payment, FakeDarajaCallbacks.Failure(payment.CheckoutRequestId!));
        await _h.CallbackAsync(payment, FakeDarajaCallbacks.Failure(payment.CheckoutRequestId!, "1037", "DS timeout user cannot be reached"));
        await _h.InboxDrainedAsync();

        await AssertPaidOnceAsync(invoice.Id, paid.PaidAt);
        Assert.DoesNotContain(await _h.OutboxAsync(), o => o.DedupeKey == $"payment:failed:{payment.Id}");
    }

    [Fact]
    public async Task SuccessCallback_AfterFailureForTheSamePayment_NothingSettledNoReceiptPaymentHandedToReview()
    {
        var (invoice, payment) = await PushedAsync();
        await _h.CallbackAsync(payment, FakeDarajaCallbacks.Failure(payment.CheckoutRequestId!));
        await _h.UntilPaymentAsync(payment.Id, p => p.Status == PaymentStatus.Cancelled);

        await _h.PaySuccessAsync(payment);
        await _h.InboxDrainedAsync();

        // M-PESA may have taken the money after all: a person looks, nothing is settled automatically.
        Assert.Equal(PaymentStatus.NeedsReview, (await _h.PaymentsAsync()).Single().Status);
        var after = (await _h.InvoiceAsync(invoice.Id))!;
        Assert.Equal(0, after.AmountPaidCents);
        Assert.Equal(InvoiceStatus.Pending, after.Status);
        Assert.Equal(0, await ReceiptsAsync());
    }

    [Fact]
    public async Task SuccessCallback_AfterStkQuerySettledIt_SettlesOnceOneReceiptEach()
    {
        await using var h = await PaymentHarness.StartAsync(new Dictionary<string, string?> { ["Payments:QueryAfterSeconds"] = "1" });
        var invoice = await h.CreateInvoiceAsync(1500);
        await h.TapAsync(invoice.Id);
        var (payment, _) = await h.WaitForPushAsync(1);
        h.Daraja.SetQueryResult(payment.CheckoutRequestId!, "0", "The service request is processed successfully.");
        var paid = await h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);

        await h.PaySuccessAsync(payment, "NLJ7RT61SV");
        await h.CallbackAsync(payment, FakeDarajaCallbacks.Failure(payment.CheckoutRequestId!));
        await h.InboxDrainedAsync();

        var after = (await h.InvoiceAsync(invoice.Id))!;
        Assert.Equal(InvoiceStatus.Paid, after.Status);
        Assert.Equal(150000, after.AmountPaidCents);
        Assert.Equal(paid.PaidAt, after.PaidAt);
        Assert.Equal(PaymentStatus.Success, (await h.PaymentsAsync()).Single().Status);
        Assert.Equal(2, (await h.OutboxAsync()).Count(o => o.DedupeKey?.StartsWith("receipt:") == true));
    }

    [Fact]
    public async Task SuccessCallback_AfterInvoicePaidByPaybill_BothPaymentsCountedInvoiceStaysPaidMerchantToldOfTheOverpayment()
    {
        var (invoice, payment) = await PushedAsync();
        await ConfirmC2bAsync("RKL51ZDR4F", invoice.Number, 1500);
        var paid = await _h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);

        // The customer also approved the prompt: M-PESA took the money twice, so both are recorded.
        await _h.PaySuccessAsync(payment, "NLJ7RT61SW");
        await _h.PaySuccessAsync(payment, "NLJ7RT61SW");
        await _h.UntilPaymentAsync(payment.Id, p => p.Status == PaymentStatus.Success);
        await _h.InboxDrainedAsync();

        var after = (await _h.InvoiceAsync(invoice.Id))!;
        Assert.Equal(InvoiceStatus.Paid, after.Status);
        Assert.Equal(paid.PaidAt, after.PaidAt);
        Assert.Equal(300000, after.AmountPaidCents);
        Assert.Equal(2, (await _h.PaymentsAsync()).Count(p => p.Status == PaymentStatus.Success));
        Assert.Equal(4, await ReceiptsAsync());
        var overpaid = Assert.Single(await _h.OutboxAsync(), o => o.DedupeKey?.StartsWith("notice:overpaid:") == true);
        Assert.Equal((BotFactory.MerchantPhone, $"notice:overpaid:{payment.Id}"), (overpaid.Recipient, overpaid.DedupeKey));
        Assert.Contains("overpaid by KES 1,500", OutboxRepository.Deserialize(overpaid.Payload).Text);
    }

    [Fact]
    public async Task SuccessCallback_AfterInvoiceCancelled_StaysCancelledAndMerchantToldOnce()
    {
        var (invoice, payment) = await PushedAsync();
        await new WhatsAppSender(_h.Factory).TextAsync(BotFactory.MerchantPhone, "cancel " + invoice.Number);
        await _h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Cancelled);

        await _h.PaySuccessAsync(payment);
        await _h.PaySuccessAsync(payment);
        await _h.UntilPaymentAsync(payment.Id, p => p.Status == PaymentStatus.Success);
        await _h.InboxDrainedAsync();

        var after = (await _h.InvoiceAsync(invoice.Id))!;
        Assert.Equal(InvoiceStatus.Cancelled, after.Status);
        Assert.Equal(150000, after.AmountPaidCents);
        Assert.Equal(2, await ReceiptsAsync());
        Assert.Single(await _h.OutboxAsync(), o => o.DedupeKey == $"receipt:closed:{payment.Id}" && o.Recipient == BotFactory.MerchantPhone);
    }

    [Fact]
    public async Task SuccessCallback_AfterInvoiceExpired_PaidOnceAndNotExpiredAgain()
    {
        var (invoice, payment) = await PushedAsync();
        var reminders = _h.Factory.Services.GetRequiredService<ReminderRepository>();
        await reminders.ExpireDueAsync(DateTimeOffset.UtcNow.AddDays(8), 100, default);
        await _h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Expired);

        await _h.PaySuccessAsync(payment);
        var paid = await _h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
        await _h.PaySuccessAsync(payment);
        await _h.InboxDrainedAsync();
        await reminders.ExpireDueAsync(DateTimeOffset.UtcNow.AddDays(9), 100, default);

        await AssertPaidOnceAsync(invoice.Id, paid.PaidAt);
    }

    private async Task<(Invoice Invoice, Payment Payment)> PushedAsync()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);
        await _h.TapAsync(invoice.Id);
        var (payment, _) = await _h.WaitForPushAsync(1);
        return (invoice, payment);
    }

    private async Task AssertPaidOnceAsync(string invoiceId, DateTimeOffset? paidAt)
    {
        var after = (await _h.InvoiceAsync(invoiceId))!;
        Assert.Equal(InvoiceStatus.Paid, after.Status);
        Assert.Equal(150000, after.AmountPaidCents);
        Assert.Equal(paidAt, after.PaidAt);
        Assert.Equal(PaymentStatus.Success, (await _h.PaymentsAsync()).Single().Status);
        Assert.Equal(2, await ReceiptsAsync());
    }

    /// <summary>Payment receipts to the customer and the merchant (not other notices).</summary>
    private async Task<int> ReceiptsAsync() =>
        (await _h.OutboxAsync()).Count(o => o.DedupeKey?.StartsWith("receipt:customer:") == true || o.DedupeKey?.StartsWith("receipt:merchant:") == true);

    private async Task ConfirmC2bAsync(string transId, string account, long shillings) =>
        Assert.Equal(HttpStatusCode.OK, (await _h.PayByPaybillAsync(transId, account, shillings)).StatusCode);
}
