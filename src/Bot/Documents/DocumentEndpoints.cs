using InvoiceFirst.Bot.PayPage;
using InvoiceFirst.Data.Invoices;

namespace InvoiceFirst.Bot.Documents;

public static class DocumentEndpoints
{
    /// <summary>The invoice and receipt PDFs behind the pay link: the pay page's token rules and its 404.</summary>
    public static WebApplication MapDocuments(this WebApplication app)
    {
        app.MapGet("/pay/{token}/invoice.pdf", (string token, InvoiceRepository invoices, InvoiceDocumentBuilder documents, CancellationToken ct) =>
            PdfAsync(token, InvoiceDocumentKind.Invoice, invoices, documents, ct)).ExcludeFromDescription();
        app.MapGet("/pay/{token}/receipt.pdf", (string token, InvoiceRepository invoices, InvoiceDocumentBuilder documents, CancellationToken ct) =>
            PdfAsync(token, InvoiceDocumentKind.Receipt, invoices, documents, ct)).ExcludeFromDescription();
        return app;
    }

    // A receipt only once something was paid; the same 404 before.
    private static async Task<IResult> PdfAsync(string token, InvoiceDocumentKind kind, InvoiceRepository invoices,
        InvoiceDocumentBuilder documents, CancellationToken ct)
    {
        var invoice = await PayPageEndpoints.FindAsync(token, invoices, ct);
        if (invoice is null || (kind == InvoiceDocumentKind.Receipt && !InvoiceDocumentBuilder.HasReceipt(invoice))) return PayPageResponses.NotFound();
        var document = await documents.BuildAsync(invoice, kind, ct);
        return new PdfFileResult(InvoicePdfRenderer.Render(document), document.FileName);
    }
}
