using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Integration.Tests.Payments;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Faults;

/// <summary>
/// Daraja answering an STK push slowly, with a gateway 5xx, with malformed JSON, or not at all after it
/// took the request. A push is never repeated (a second prompt could charge twice); whenever the prompt
/// may have reached the phone, the callback by its token still settles the invoice exactly once.
/// </summary>
public sealed class DarajaFaultTests
{
    public enum Fault { Slow, GatewayError, MalformedJson, TimeoutAfterAccepting }

    private static readonly Dictionary<string, string?> ShortTimeout = new() { ["Mpesa:TimeoutSeconds"] = "2" };

    [Theory]
    [InlineData(Fault.Slow)]
    [InlineData(Fault.GatewayError)]
    [InlineData(Fault.MalformedJson)]
    [InlineData(Fault.TimeoutAfterAccepting)]
    public async Task Tap_DarajaFaulty_OnePushAndTheCallbackSettlesOnce(Fault fault)
    {
        await using var h = await PaymentHarness.StartAsync(ShortTimeout);
        switch (fault)
        {
            case Fault.Slow: h.Daraja.EnqueueDelay(TimeSpan.FromSeconds(0.5)); break;
            case Fault.GatewayError: h.Daraja.EnqueueStkRaw(503, "<html><body>503 Service Unavailable</body></html>", "text/html"); break;
            case Fault.MalformedJson: h.Daraja.EnqueueStkRaw(200, """{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"""); break;
            default: h.Daraja.EnqueueDelay(TimeSpan.FromSeconds(10)); break;
        }
        var invoice = await h.CreateInvoiceAsync(1500);

        await h.TapAsync(invoice.Id);
        await h.Daraja.WaitForStkPushesAsync(1, PaymentHarness.Deadline);
        await h.TapAsync(invoice.Id); // the customer, seeing nothing, taps again
        await h.InboxDrainedAsync();
        var payment = Assert.Single(await h.PaymentsAsync());
        // Slow: the bot learned the CheckoutRequestID. Otherwise only Daraja knows it; the callback carries it.
        var checkout = fault == Fault.Slow
            ? (await h.UntilPaymentAsync(payment.Id, p => p.CheckoutRequestId is not null)).CheckoutRequestId!
            : "ws_CO_unknown_to_the_bot";
        h.Daraja.SetQueryResult(checkout, "0", "The service request is processed successfully.");
        await h.CallbackAsync(payment, FakeDarajaCallbacks.Success(checkout, 1500, "NLJ7RT61SV"));
        await h.CallbackAsync(payment, FakeDarajaCallbacks.Success(checkout, 1500, "NLJ7RT61SV"));
        var paid = await h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
        await h.InboxDrainedAsync();

        Assert.Single(h.Daraja.StkPushes);
        Assert.Equal(150000, paid.AmountPaidCents);
        var settled = Assert.Single(await h.PaymentsAsync());
        Assert.Equal((PaymentStatus.Success, "NLJ7RT61SV"), (settled.Status, settled.MpesaReceipt));
        Assert.Equal(2, (await h.OutboxAsync()).Count(o => o.DedupeKey?.StartsWith("receipt:", StringComparison.Ordinal) == true));
    }

    [Fact]
    public async Task Tap_DarajaBusy500_PaymentFailedCustomerToldAndTheNextTapPushesOnce()
    {
        await using var h = await PaymentHarness.StartAsync(ShortTimeout);
        h.Daraja.EnqueueStkError(500, "500.003.02", "System is busy. Please try again in few minutes.");
        var invoice = await h.CreateInvoiceAsync(1500);

        await h.TapAsync(invoice.Id);
        var refused = await PaymentHarness.UntilAsync(async () => (await h.PaymentsAsync()).SingleOrDefault(p => p.Status == PaymentStatus.Failed));
        var told = await PaymentHarness.UntilAsync(async () => (await h.OutboxAsync()).SingleOrDefault(o => o.DedupeKey == $"payment:refused:{refused.Id}"));
        await h.TapAsync(invoice.Id);
        var (second, _) = await h.WaitForPushAsync(2);
        await h.PaySuccessAsync(second);
        var paid = await h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);

        Assert.Equal(2, h.Daraja.StkPushes.Count);
        Assert.Equal(PaymentHarness.Customer, told.Recipient);
        Assert.Equal(150000, paid.AmountPaidCents);
    }
}
