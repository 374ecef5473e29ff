using System.Buffers.Text;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Integration.Tests.Payments;

namespace InvoiceFirst.Integration.Tests.HostileInput;

public sealed class ObjectAuthorizationTests : IAsyncLifetime
{
    private const string OtherCustomer = "254798765432";
    private PaymentHarness _h = null!;

    public async Task InitializeAsync() => _h = await PaymentHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Tap_AnotherCustomersInvoiceButton_NoPushNoPayment()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);

        await _h.TapAsync(invoice.Id, from: OtherCustomer);
        await _h.InboxDrainedAsync();

        Assert.Empty(await _h.PaymentsAsync(invoice.Id));
        Assert.Empty(_h.Daraja.StkPushes);
    }

    [Fact]
    public async Task Api_InvoiceWithoutOrWithWrongKey_401()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);
        var anonymous = _h.Factory.CreateClient();
        var wrongKey = _h.Factory.CreateClient();
        wrongKey.DefaultRequestHeaders.Authorization = new("Bearer", "guess");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/invoices/{invoice.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync($"/invoices/{invoice.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/payments/stk/initiate", new { invoice_id = invoice.Id })).StatusCode);
    }

    [Fact]
    public async Task Tokens_PayAndCallback_AtLeast128RandomBitsAndDistinct()
    {
        var invoices = new List<string>();
        for (var i = 0; i < 20; i++) invoices.Add((await _h.CreateInvoiceAsync(100 + i)).PayToken);
        var first = await _h.CreateInvoiceAsync(1500);
        await _h.TapAsync(first.Id);
        var (payment, _) = await _h.WaitForPushAsync(1);

        Assert.All(invoices.Append(payment.CallbackToken!), t => Assert.True(Base64Url.DecodeFromChars(t).Length * 8 >= 128, t));
        Assert.Equal(invoices.Count, invoices.Distinct().Count());
        Assert.Equal(PaymentStatus.Initiated, payment.Status);
    }
}
