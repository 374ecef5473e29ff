using InvoiceFirst.Data.Outbox;
using System.Text.Json;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Payments;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Messaging;

/// <summary>The invoice and receipt PDFs as WhatsApp documents: uploaded to the Graph's media endpoint, then sent by id.</summary>
public sealed class PdfDocumentTests : IAsyncLifetime
{
    private FakeWhatsAppGraph _graph = null!;
    private PaymentHarness _h = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeWhatsAppGraph.StartAsync();
        _h = await PaymentHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Outbox:Enabled"] = "true",
            ["Outbox:MaxParallelism"] = "1",
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["WhatsApp:BaseUrl"] = _graph.BaseUrl,
            ["Documents:WhatsAppPdf"] = "true",
        });
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task InsideTheWindow_InvoiceThenItsPdf_ThenAfterPaymentReceiptThenItsPdf()
    {
        await _h.Factory.MarkCustomerWroteAsync(PaymentHarness.Customer, DateTimeOffset.UtcNow);
        var invoice = await _h.CreateItemInvoiceAsync();

        var invoiceDocument = await DocumentMessageAsync(1);
        await _h.TapAsync(invoice.Id);
        var (payment, _) = await _h.WaitForPushAsync(1);
        await _h.PaySuccessAsync(payment, receipt: "TLK3DOC9QZ");
        var receiptDocument = await DocumentMessageAsync(2);

        var toCustomer = _graph.Requests.All.Where(r => !FakeWhatsAppGraph.IsMediaUpload(r) && FakeWhatsAppGraph.To(r) == PaymentHarness.Customer)
            .Select(r => r.Json["type"]!.GetValue<string>()).ToList();
        Assert.Equal(["interactive", "document"], toCustomer.Take(2));
        Assert.Equal($"invoice-{invoice.Number}.pdf", invoiceDocument.Document.GetProperty("filename").GetString());
        Assert.Contains(invoice.Number, invoiceDocument.Document.GetProperty("caption").GetString());
        Assert.Contains($"/pay/{invoice.PayToken}", invoiceDocument.Document.GetProperty("caption").GetString());
        Assert.StartsWith("media-", invoiceDocument.Document.GetProperty("id").GetString());
        Assert.Matches("name=\"?messaging_product\"?\\r\\n(.*\\r\\n)*?\\r\\nwhatsapp", invoiceDocument.Upload.Body);
        Assert.Contains("application/pdf", invoiceDocument.Upload.Body);
        var invoicePdf = Text(invoiceDocument.Upload);
        Assert.Contains(invoice.Number, invoicePdf);
        Assert.Contains("Cement", invoicePdf);
        Assert.Contains("Wheelbarrow", invoicePdf);
        Assert.Contains("Total KES 6,000", invoicePdf);

        Assert.Equal($"receipt-{invoice.Number}.pdf", receiptDocument.Document.GetProperty("filename").GetString());
        var receiptPdf = Text(receiptDocument.Upload);
        Assert.Contains("RECEIPT", receiptPdf);
        Assert.Contains("TLK3DOC9QZ", receiptPdf);
        Assert.Contains("Balance KES 0", receiptPdf);
    }

    [Fact]
    public async Task OutsideTheWindow_NoDocumentIsQueuedUploadedOrSent_TheInvoiceStillGoesOut()
    {
        var invoice = await _h.CreateItemInvoiceAsync();

        var sent = await PaymentHarness.UntilAsync(async () =>
            (await _h.OutboxAsync()).FirstOrDefault(e => e.DedupeKey == $"invoice:{invoice.Id}" && e.Status != OutboxStatus.Pending));
        // The document would have been queued with the invoice, in its transaction: its absence now is final.

        Assert.NotNull(sent);
        Assert.DoesNotContain(await _h.OutboxAsync(), e => e.DedupeKey == $"invoice-pdf:{invoice.Id}");
        Assert.Empty(_graph.MediaUploads);
        Assert.DoesNotContain(_graph.Requests.All, r => !FakeWhatsAppGraph.IsMediaUpload(r) && r.Json["type"]?.GetValue<string>() == "document");
    }

    [Fact]
    public async Task PdfOff_TheInvoiceGoesWithoutItsDocument_PdfOnBringsItBack()
    {
        var owner = new Chat.MerchantChatDriver(_h.Factory);
        await _h.Factory.MarkCustomerWroteAsync(PaymentHarness.Customer, DateTimeOffset.UtcNow);

        Assert.Contains("no more PDFs", await owner.SayAsync("pdf off"));
        var plain = await _h.CreateItemInvoiceAsync();
        await PaymentHarness.UntilAsync(async () =>
            (await _h.OutboxAsync()).FirstOrDefault(e => e.DedupeKey == $"invoice:{plain.Id}" && e.Status != OutboxStatus.Pending));
        Assert.DoesNotContain(await _h.OutboxAsync(), e => e.DedupeKey == $"invoice-pdf:{plain.Id}");

        Assert.Contains("a PDF of each invoice", await owner.SayAsync("pdf on"));
        var withPdf = await _h.CreateItemInvoiceAsync();
        var document = await DocumentMessageAsync(1);
        Assert.Equal($"invoice-{withPdf.Number}.pdf", document.Document.GetProperty("filename").GetString());
        Assert.Single(_graph.MediaUploads);
    }

    private async Task<(RecordedRequest Upload, JsonElement Document)> DocumentMessageAsync(int n)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var documents = _graph.Requests.All.Where(r => !FakeWhatsAppGraph.IsMediaUpload(r) && r.Json["type"]?.GetValue<string>() == "document").ToList();
            if (documents.Count >= n && _graph.MediaUploads.Count >= n)
                return (_graph.MediaUploads[n - 1], JsonDocument.Parse(documents[n - 1].Body).RootElement.GetProperty("document").Clone());
            await Task.Delay(100);
        }
        throw new TimeoutException($"no document message #{n}");
    }

    // The PDF part of the multipart upload, read back with PdfPig.
    private static string Text(RecordedRequest upload)
    {
        var raw = upload.Raw!;
        var start = raw.AsSpan().IndexOf("%PDF-"u8);
        var end = raw.AsSpan().LastIndexOf("%%EOF"u8) + 5;
        Assert.True(start >= 0 && end > start, "the upload carries a PDF");
        Assert.InRange(end - start, 1, 60 * 1024);
        return Payments.InvoicePdfTests.Text(raw[start..end]);
    }

}
