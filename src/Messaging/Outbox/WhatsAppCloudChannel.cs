using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Channels;
using InvoiceFirst.Messaging.WhatsApp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ChannelNames = InvoiceFirst.Data.Inbox.Channels;

namespace InvoiceFirst.Messaging.Outbox;

public sealed class WhatsAppCloudChannel(WhatsAppClient client, WhatsAppWindow window, IDocumentRenderer documents,
    IOptions<WhatsAppOptions> options, ILogger<WhatsAppCloudChannel> logger) : IMessageChannel
{
    public string Provider => ProviderNames.WhatsApp;

    public string Kind => ChannelNames.WhatsApp;

    public int MessagesPerSecond => options.Value.MessagesPerSecond;

    public async Task<SendResult> SendAsync(OutboxEntry entry, OutboundMessage message, ProviderCall call, CancellationToken ct)
    {
        var (useTemplate, noWay) = await window.DecideAsync(entry.Recipient, message, ct);
        if (noWay is not null) return noWay;
        if (message.Document is { } document && !useTemplate && await RenderAsync(document, ct) is { } pdf)
            return await call(() => client.SendDocumentAsync(entry.Recipient, message, pdf, ct));
        return await call(() => client.SendAsync(entry.Recipient, message, useTemplate, ct));
    }

    // A PDF that cannot be rendered never stops the message: its text (with the link) goes instead.
    private async Task<byte[]?> RenderAsync(DocumentAttachment document, CancellationToken ct)
    {
        try
        {
            return await documents.RenderAsync(document, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Rendering the {DocumentKind} PDF failed; sending the text alone", document.Kind);
            return null;
        }
    }
}
