using InvoiceFirst.Data.Payments;
using InvoiceFirst.Data.Invoices;

namespace InvoiceFirst.Integration.Tests.Payments;

public sealed class LostCallbackTests : IAsyncLifetime
{
    private PaymentHarness _h = null!;

    public async Task InitializeAsync() =>
        _h = await PaymentHarness.StartAsync(new Dictionary<string, string?> { ["Payments:QueryAfterSeconds"] = "1" });

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Reconciler_CallbackNeverArrives_SettledByStkQuery()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);
        await _h.TapAsync(invoice.Id);
        var (payment, _) = await _h.WaitForPushAsync(1);

        _h.Daraja.SetQueryResult(payment.CheckoutRequestId!, "0", "The service request is processed successfully.");
        var paid = await _h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
        var settled = (await _h.PaymentsAsync()).Single();

        Assert.Equal(150000, paid.AmountPaidCents);
        Assert.Equal(PaymentStatus.Success, settled.Status);
        Assert.Null(settled.MpesaReceipt);
        Assert.NotEmpty(_h.Daraja.StkQueries);
    }
}
