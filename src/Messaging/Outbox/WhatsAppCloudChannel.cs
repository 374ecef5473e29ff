using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Channels;
using InvoiceFirst.Messaging.WhatsApp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ChannelNames = InvoiceFirst.Data.Inbox.Channels;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>Meta's Cloud API, from the number the row was queued for (a merchant's own, else the shared one) with that number's token.</summary>
public sealed class WhatsAppCloudChannel(WhatsAppClient client, WhatsAppWindow window, WhatsAppNumbers numbers, IDocumentRenderer documents,
    IOptions<WhatsAppOptions> options, ILogger<WhatsAppCloudChannel> logger) : IMessageChannel
{
    public string Provider => ProviderNames.WhatsApp;

    public string Kind => ChannelNames.WhatsApp;

    public int MessagesPerSecond => options.Value.MessagesPerSecond;

    /// <summary>Each number has its own limit (Meta counts per number): one merchant's burst does not slow another number.</summary>
    public string RateKey(OutboxEntry entry) => numbers.IsShared(entry.BusinessNumberId) ? Provider : Provider + ":" + entry.BusinessNumberId;

    public async Task<SendResult> SendAsync(OutboxEntry entry, OutboundMessage message, ProviderCall call, CancellationToken ct)
    {
        var from = await numbers.ForEntryAsync(entry, ct);
        var to = WhatsAppParticipant.Of(entry.Recipient);
        var (useTemplate, noWay) = await window.DecideAsync(from, to, message, ct);
        if (noWay is not null) return noWay;
        if (message.Document is { } document && !useTemplate && await RenderAsync(document, ct) is { } pdf)
            return await call(() => client.SendDocumentAsync(from, to, message, pdf, ct));
        return await call(() => client.SendAsync(from, to, message, useTemplate, ct));
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
