using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Channels;
using InvoiceFirst.Messaging.Twilio;
using Microsoft.Extensions.Options;
using ChannelNames = InvoiceFirst.Data.Inbox.Channels;

namespace InvoiceFirst.Messaging.Outbox;

public sealed class TwilioSmsChannel(TwilioClient client, IOptions<TwilioOptions> options, IOptions<OutboxOptions> outbox) : IMessageChannel
{
    public string Provider => ProviderNames.Twilio;

    public string Kind => ChannelNames.Sms;

    public int MessagesPerSecond => options.Value.MessagesPerSecond;

    public async Task<SendResult> SendAsync(OutboxEntry entry, OutboundMessage message, ProviderCall call, CancellationToken ct)
    {
        return await call(() => client.SendSmsAsync(entry.Recipient, message.SmsText ?? message.Text, outbox.Value.TwilioStatusCallbackUrl, ct));
    }
}
