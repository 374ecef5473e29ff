using System.Net.Http.Headers;
using System.Text.Json;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Integration.Tests.Payments;

namespace InvoiceFirst.Integration.Tests.Merchants;

/// <summary>
/// Three merchants whose first invoices are all INV-0001. One merchant's pay page and pay token show and pay that invoice
/// only; a Paybill payment with one merchant's reference lands on that merchant's invoice, and only its key sees it.
/// </summary>
public sealed class CrossMerchantPaymentTests : IAsyncLifetime
{
    private PaymentHarness _h = null!;
    private ThreeMerchants _m = null!;
    private readonly List<Invoice> _invoices = [];

    public async Task InitializeAsync()
    {
        _h = await PaymentHarness.StartAsync();
        _m = await ThreeMerchants.StartAsync(_h.Factory);
        foreach (var (_, key) in _m.Merchants)
            _invoices.Add((await _h.InvoiceAsync(await ThreeMerchants.CreateInvoiceAsync(key)))!);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task PayPage_OfOneMerchantsInvoice_ShowsThatMerchantOnlyAndPushesForThatInvoiceOnly()
    {
        var (a, b, c) = (_invoices[0], _invoices[1], _invoices[2]);
        using var client = _h.Factory.CreateClient();

        var page = await client.GetStringAsync($"/pay/{b.PayToken}");
        using var pressed = await client.PostAsync($"/pay/{b.PayToken}", new FormUrlEncodedContent(new Dictionary<string, string> { ["msisdn"] = "" }));
        var (payment, push) = await _h.WaitForPushAsync(1);

        Assert.Equal(["INV-0001", "INV-0001", "INV-0001"], _invoices.Select(i => i.Number));
        Assert.Contains("Duka La Pili", page);
        Assert.Contains(b.PaymentRef!, page);
        Assert.DoesNotContain("Acme Designs", page);
        Assert.DoesNotContain("Tatu Hardware", page);
        Assert.DoesNotContain(a.PaymentRef!, page);
        Assert.DoesNotContain(c.PaymentRef!, page);
        Assert.Equal(HttpStatusCode.Accepted, pressed.StatusCode);
        Assert.Equal(b.Id, payment.InvoiceId);
        Assert.Equal(b.PaymentRef, push.GetProperty("AccountReference").GetString());
        Assert.Empty(await _h.PaymentsAsync(a.Id));
        Assert.Empty(await _h.PaymentsAsync(c.Id));
    }

    [Fact]
    public async Task Paybill_WithOneMerchantsReference_PaysThatInvoiceOnly_AndOnlyThatMerchantsKeySeesIt()
    {
        var (a, b, c) = (_invoices[0], _invoices[1], _invoices[2]);

        await _h.PayByPaybillAsync("RKL51ZDR9B", b.PaymentRef!, 1500);
        var paid = await _h.UntilInvoiceAsync(b.Id, i => i.Status == InvoiceStatus.Paid);

        Assert.Equal(150000, paid.AmountPaidCents);
        Assert.Equal(0, (await _h.InvoiceAsync(a.Id))!.AmountPaidCents);
        Assert.Equal(0, (await _h.InvoiceAsync(c.Id))!.AmountPaidCents);
        Assert.Contains(("invoice.paid", b.Id), await EventsAsync(_m.Merchants[1].Key));
        Assert.DoesNotContain(await EventsAsync(_m.Merchants[0].Key), e => e.Type == "invoice.paid");
        Assert.DoesNotContain(await EventsAsync(_m.Merchants[2].Key), e => e.Type == "invoice.paid");
    }

    private static async Task<List<(string Type, string? InvoiceId)>> EventsAsync(HttpClient key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var page = await (await key.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("events").EnumerateArray()
            .Select(e => (e.GetProperty("type").GetString()!, e.GetProperty("invoice_id").GetString())).ToList();
    }
}
