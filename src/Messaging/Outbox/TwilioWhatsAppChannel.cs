using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Channels;
using InvoiceFirst.Messaging.Twilio;
using InvoiceFirst.Messaging.WhatsApp;
using Microsoft.Extensions.Options;
using ChannelNames = InvoiceFirst.Data.Inbox.Channels;

namespace InvoiceFirst.Messaging.Outbox;

public sealed class TwilioWhatsAppChannel(
    TwilioClient client, WhatsAppWindow window, IOptions<TwilioOptions> options, IOptions<OutboxOptions> outbox) : IMessageChannel
{
    public string Provider => ProviderNames.TwilioWhatsApp;

    public string Kind => ChannelNames.WhatsApp;

    public int MessagesPerSecond => options.Value.MessagesPerSecond;

    public async Task<SendResult> SendAsync(OutboxEntry entry, OutboundMessage message, ProviderCall call, CancellationToken ct)
    {
        var (useTemplate, noWay) = await window.DecideAsync(WhatsAppParticipant.Of(entry.Recipient), message, ct);
        if (noWay is not null) return noWay;
        return await call(() => client.SendWhatsAppAsync(entry.Recipient, message, useTemplate, outbox.Value.TwilioStatusCallbackUrl, ct));
    }
}
