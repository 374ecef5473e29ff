using InvoiceFirst.Data.Outbox;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>Without the bot's renderer (a host with the Messaging project alone): the text alone.</summary>
public sealed class NoDocumentRenderer : IDocumentRenderer
{
    public Task<byte[]?> RenderAsync(DocumentAttachment document, CancellationToken ct) => Task.FromResult<byte[]?>(null);
}
