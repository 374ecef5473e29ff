using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Channels;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>
/// One way to reach a person: a provider on a kind of channel. The dispatcher walks an ordered
/// list of these (<see cref="ChannelChain"/>) until one accepts the message.
/// </summary>
public interface IMessageChannel
{
    /// <summary>Stable name recorded on the outbox row and in <c>message_log</c>, e.g. <c>whatsapp</c>, <c>twilio</c>.</summary>
    string Provider { get; }

    /// <summary><c>whatsapp</c> or <c>sms</c>.</summary>
    string Kind { get; }

    /// <summary>The most sends this instance may start in any one-second window, per <see cref="RateKey"/>.</summary>
    int MessagesPerSecond { get; }

    /// <summary>What the provider counts sends against: the provider itself, or one of its numbers (WhatsApp: each business number).</summary>
    string RateKey(OutboxEntry entry) => Provider;

    /// <param name="call">The provider request goes through this: the rate limit must hold where the provider counts, and the breaker must see it.</param>
    Task<SendResult> SendAsync(OutboxEntry entry, OutboundMessage message, ProviderCall call, CancellationToken ct);
}
