using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Payments;

public sealed class C2bTests : IAsyncLifetime
{
    private PaymentHarness _h = null!;

    public async Task InitializeAsync() => _h = await PaymentHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private static string Confirmation(string transId, string billRef, long amount) => PaymentHarness.C2bConfirmation(transId, billRef, amount);

    private Task<HttpResponseMessage> ConfirmAsync(string body) => _h.ConfirmC2bAsync(body);

    [Fact]
    public async Task Confirmation_InvoiceNumberAsAccount_PaysOnceEvenWhenReplayed()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);
        var account = " " + invoice.Number.ToLowerInvariant() + " ";

        var first = await ConfirmAsync(Confirmation("RKL51ZDR4F", account, 1500));
        var paid = await _h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
        var replay = await ConfirmAsync(Confirmation("RKL51ZDR4F", account, 1500));
        await _h.InboxDrainedAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(150000, paid.AmountPaidCents);
        Assert.Equal(150000, (await _h.InvoiceAsync(invoice.Id))!.AmountPaidCents);
        Assert.Equal("C2B", Assert.Single(await _h.PaymentsAsync()).Method);
        Assert.Equal(2, (await _h.OutboxAsync()).Count(o => o.DedupeKey?.StartsWith("receipt:") == true));
    }

    [Fact]
    public async Task Confirmation_UnknownAccount_RecordedUnappliedAndMerchantTold()
    {
        await ConfirmAsync(Confirmation("RKL51ZDR4G", "SOMETHING", 500));

        var payment = await PaymentHarness.UntilAsync(async () => (await _h.PaymentsAsync()).SingleOrDefault());
        var notice = await PaymentHarness.UntilAsync(async () => (await _h.OutboxAsync()).SingleOrDefault(o => o.DedupeKey == "c2b:unapplied:RKL51ZDR4G"));

        Assert.Null(payment.InvoiceId);
        Assert.Equal(BotFactory.MerchantPhone, notice.Recipient);
    }
}
