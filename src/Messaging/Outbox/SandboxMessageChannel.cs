using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Channels;
using InvoiceFirst.Messaging.Sandbox;
using ChannelNames = InvoiceFirst.Data.Inbox.Channels;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>The sandbox as the last hop, once as WhatsApp and once as SMS, so the pipeline before it is the real one.</summary>
public sealed class SandboxMessageChannel(SandboxChannel sandbox, string kind, IReadOnlyCollection<string> unreachable) : IMessageChannel
{
    public string Provider => Kind == ChannelNames.Sms ? ProviderNames.SandboxSms : ProviderNames.Sandbox;

    public string Kind { get; } = kind;

    public int MessagesPerSecond => 1000;

    public async Task<SendResult> SendAsync(OutboxEntry entry, OutboundMessage message, ProviderCall call, CancellationToken ct)
    {
        // Answered like Meta answers a number that is not on WhatsApp, so the real fallback runs.
        if (unreachable.Contains(entry.Recipient)) return SendResult.Unreachable("131026", "sandbox number without WhatsApp");
        return await call(() => sandbox.SendAsync(entry.Recipient, Kind,
            Kind == ChannelNames.Sms ? message with { Text = message.SmsText ?? message.Text, Buttons = [] } : message, ct));
    }
}
