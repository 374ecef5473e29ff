using InvoiceFirst.Data.Outbox;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>Renders the PDF a message carries, at send time (never in a webhook). Null: send the text alone.</summary>
public interface IDocumentRenderer
{
    Task<byte[]?> RenderAsync(DocumentAttachment document, CancellationToken ct);
}
