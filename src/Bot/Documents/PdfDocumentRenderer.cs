using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Outbox;

namespace InvoiceFirst.Bot.Documents;

/// <summary>The outbox's renderer: the invoice or receipt PDF as it is now (a receipt of an invoice with nothing paid: none).</summary>
public sealed class PdfDocumentRenderer(InvoiceRepository invoices, InvoiceDocumentBuilder documents) : IDocumentRenderer
{
    public async Task<byte[]?> RenderAsync(DocumentAttachment document, CancellationToken ct)
    {
        var invoice = await invoices.GetAsync(document.InvoiceId, ct);
        var kind = document.Kind == "receipt" ? InvoiceDocumentKind.Receipt : InvoiceDocumentKind.Invoice;
        if (invoice is null || (kind == InvoiceDocumentKind.Receipt && !InvoiceDocumentBuilder.HasReceipt(invoice))) return null;
        return InvoicePdfRenderer.Render(await documents.BuildAsync(invoice, kind, ct));
    }
}
