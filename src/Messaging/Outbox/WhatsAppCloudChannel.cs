using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Channels;
using InvoiceFirst.Messaging.WhatsApp;
using Microsoft.Extensions.Options;
using ChannelNames = InvoiceFirst.Data.Inbox.Channels;

namespace InvoiceFirst.Messaging.Outbox;

public sealed class WhatsAppCloudChannel(WhatsAppClient client, WhatsAppWindow window, IOptions<WhatsAppOptions> options) : IMessageChannel
{
    public string Provider => ProviderNames.WhatsApp;

    public string Kind => ChannelNames.WhatsApp;

    public int MessagesPerSecond => options.Value.MessagesPerSecond;

    public async Task<SendResult> SendAsync(OutboxEntry entry, OutboundMessage message, ProviderCall call, CancellationToken ct)
    {
        var (useTemplate, noWay) = await window.DecideAsync(entry.Recipient, message, ct);
        if (noWay is not null) return noWay;
        return await call(() => client.SendAsync(entry.Recipient, message, useTemplate, ct));
    }
}
