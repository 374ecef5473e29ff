using InvoiceFirst.Data.Conversations;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Channels;
using InvoiceFirst.Messaging.WhatsApp;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>
/// WhatsApp's customer-service window: free-form messages only within 24 hours of the person's
/// last message to us; outside it only an approved template, and without one WhatsApp is no way.
/// Each business number has its own windows: writing to a merchant's own number opens that number's only.
/// </summary>
public sealed class WhatsAppWindow(ConversationRepository conversations, WhatsAppWindowRepository ownNumbers, TimeProvider clock)
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    /// <summary>From the shared number.</summary>
    public Task<(bool UseTemplate, SendResult? NoWay)> DecideAsync(WhatsAppParticipant to, OutboundMessage message, CancellationToken ct) =>
        DecideAsync(null, to, message, ct);

    /// <summary>True: send the template; false: free-form. Null with <paramref name="noWay"/> set: go to the next channel.</summary>
    /// <param name="from">The number it goes from; null: the shared one.</param>
    public async Task<(bool UseTemplate, SendResult? NoWay)> DecideAsync(WhatsAppNumber? from, WhatsAppParticipant to, OutboundMessage message,
        CancellationToken ct)
    {
        // A user known only by their user id has the id as their conversation's participant.
        var participant = to.Value;
        var own = from is { IsOwn: true };
        var last = own
            ? await ownNumbers.LastInboundAtAsync(from!.PhoneNumberId, participant, ct)
            : await conversations.LastInboundAtAsync(participant, ct);
        if (last is { } at && clock.GetUtcNow() - at < Length) return (false, null);
        // A merchant's own number has only the templates approved for it.
        return message.Template is null || (own && string.IsNullOrWhiteSpace(from!.InvoiceTemplate))
            ? (false, SendResult.Unreachable("no_template", "whatsapp: 24-hour window closed and the message has no template"))
            : (true, null);
    }
}
