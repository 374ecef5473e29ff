using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.AfricasTalking;
using InvoiceFirst.Messaging.Channels;
using Microsoft.Extensions.Options;
using ChannelNames = InvoiceFirst.Data.Inbox.Channels;

namespace InvoiceFirst.Messaging.Outbox;

public sealed class AfricasTalkingSmsChannel(AfricasTalkingClient client, IOptions<AfricasTalkingOptions> options) : IMessageChannel
{
    public string Provider => ProviderNames.AfricasTalking;

    public string Kind => ChannelNames.Sms;

    public int MessagesPerSecond => options.Value.MessagesPerSecond;

    public async Task<SendResult> SendAsync(OutboxEntry entry, OutboundMessage message, ProviderCall call, CancellationToken ct)
    {
        return await call(() => client.SendSmsAsync(entry.Recipient, message.SmsText ?? message.Text, ct));
    }
}
