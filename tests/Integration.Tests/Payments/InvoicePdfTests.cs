using System.Text.Json;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Integration.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace InvoiceFirst.Integration.Tests.Payments;

/// <summary>The invoice and receipt PDFs behind the pay link, over the real host.</summary>
public sealed class InvoicePdfTests : IAsyncLifetime
{
    private PaymentHarness _h = null!;

    public async Task InitializeAsync() => _h = await PaymentHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task InvoicePdf_WithItems_ParsesWithNumberItemsTotalAndHowToPay_ReceiptIs404UntilPaid()
    {
        var invoice = await _h.CreateItemInvoiceAsync();

        using var response = await Client().GetAsync($"/pay/{invoice.PayToken}/invoice.pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var receipt = await Client().GetAsync($"/pay/{invoice.PayToken}/receipt.pdf");
        var page = await Client().GetStringAsync($"/pay/{invoice.PayToken}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.InRange(bytes.Length, 1, 60 * 1024);
        var text = Text(bytes);
        Assert.Contains("Acme Designs", text);
        Assert.Contains(invoice.Number, text);
        Assert.Contains($"Account number: {invoice.PaymentRef}", text);
        Assert.Contains("Cement", text);
        Assert.Contains("Wheelbarrow", text);
        Assert.Contains("Total KES 6,000", text);
        Assert.Equal(HttpStatusCode.NotFound, receipt.StatusCode);
        Assert.Contains($"/pay/{invoice.PayToken}/invoice.pdf\"", page);
        Assert.DoesNotContain("receipt.pdf", page);
    }

    [Fact]
    public async Task ReceiptPdf_AfterPayment_HasTheMpesaReceiptAndTheBalance_AndThePageLinksToIt()
    {
        var invoice = await _h.CreateInvoiceAsync(1500);
        using (await Client().PostAsync($"/pay/{invoice.PayToken}", new FormUrlEncodedContent(new Dictionary<string, string> { ["msisdn"] = "" }))) { }
        var (payment, _) = await _h.WaitForPushAsync(1);
        await _h.PaySuccessAsync(payment, receipt: "TLK3PDF9QZ");
        await _h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);

        using var response = await Client().GetAsync($"/pay/{invoice.PayToken}/receipt.pdf");
        var page = await Client().GetStringAsync($"/pay/{invoice.PayToken}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Text(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("RECEIPT", text);
        Assert.Contains(invoice.Number, text);
        Assert.Contains("TLK3PDF9QZ", text);
        Assert.Contains("Balance KES 0", text);
        Assert.Contains($"/pay/{invoice.PayToken}/receipt.pdf\"", page);
        Assert.Contains($"/pay/{invoice.PayToken}/invoice.pdf\"", page);
    }

    [Theory]
    [InlineData("invoice.pdf")]
    [InlineData("receipt.pdf")]
    public async Task Pdf_WrongToken_TheSame404AsThePage(string file)
    {
        var invoice = await _h.CreateInvoiceAsync(1500);

        // One character changed (to another: a token can end in 'x' itself).
        var token = invoice.PayToken;
        using var wrong = await Client().GetAsync($"/pay/{token[..^1]}{(token[^1] == 'x' ? 'y' : 'x')}/{file}");
        using var huge = await Client().GetAsync($"/pay/{new string('a', 200)}/{file}");
        using var unknown = await Client().GetAsync("/pay/nope");

        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, huge.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await wrong.Content.ReadAsStringAsync());
    }

    /// <summary>Every word of the PDF, read back with PdfPig.</summary>
    internal static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    private HttpClient Client() => _h.Factory.CreateClient();
}
