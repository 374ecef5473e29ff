using System.Collections.Concurrent;
using System.Data.Common;
using InvoiceFirst.Data.Conversations;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Channels;
using InvoiceFirst.Messaging.WhatsApp;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>
/// WhatsApp's customer-service window: free-form messages only within 24 hours of the person's
/// last message to us; outside it only an approved template, and without one WhatsApp is no way.
/// Each business number has its own windows: writing to a merchant's own number opens that number's only.
/// A window found open is remembered until it closes: a person's last message only ever moves later, so
/// "open until T" stays true without asking again (most sends of a chat go to someone who just wrote). A
/// window found closed is not remembered: the person may write at any moment, to any instance.
/// </summary>
public sealed class WhatsAppWindow(ConversationRepository conversations, WhatsAppWindowRepository ownNumbers, TimeProvider clock)
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);
    private const int MaxRemembered = 100_000;
    private readonly ConcurrentDictionary<(string? Number, string Participant), DateTimeOffset> _openSince = new();

    /// <summary>From the shared number.</summary>
    public Task<(bool UseTemplate, SendResult? NoWay)> DecideAsync(WhatsAppParticipant to, OutboundMessage message, CancellationToken ct) =>
        DecideAsync(null, to, message, ct);

    /// <summary>True: send the template; false: free-form. Null with <paramref name="noWay"/> set: go to the next channel.</summary>
    /// <param name="from">The number it goes from; null: the shared one.</param>
    public Task<(bool UseTemplate, SendResult? NoWay)> DecideAsync(WhatsAppNumber? from, WhatsAppParticipant to, OutboundMessage message,
        CancellationToken ct) =>
        DecideAsync(from, to, message, (own, participant) => own
            ? ownNumbers.LastInboundAtAsync(from!.PhoneNumberId, participant, ct)
            : conversations.LastInboundAtAsync(participant, ct));

    /// <summary>The same, read on the caller's connection (inside its transaction: no second pooled connection).</summary>
    public Task<(bool UseTemplate, SendResult? NoWay)> DecideAsync(DbConnection connection, DbTransaction? transaction, WhatsAppNumber? from,
        WhatsAppParticipant to, OutboundMessage message, CancellationToken ct) =>
        DecideAsync(from, to, message, (own, participant) => own
            ? WhatsAppWindowRepository.LastInboundAtAsync(connection, transaction, from!.PhoneNumberId, participant, ct)
            : ConversationRepository.LastInboundAtAsync(connection, transaction, participant, ct));

    private async Task<(bool UseTemplate, SendResult? NoWay)> DecideAsync(WhatsAppNumber? from, WhatsAppParticipant to, OutboundMessage message,
        Func<bool, string, Task<DateTimeOffset?>> lastInboundAt)
    {
        // A user known only by their user id has the id as their conversation's participant.
        var participant = to.Value;
        var own = from is { IsOwn: true };
        var key = (own ? from!.PhoneNumberId : null, participant);
        var now = clock.GetUtcNow();
        if (_openSince.TryGetValue(key, out var known) && now - known < Length) return (false, null);
        var last = await lastInboundAt(own, participant);
        if (last is { } at && now - at < Length)
        {
            // Bounded by forgetting everything at once: the next sends simply ask the database again.
            if (_openSince.Count >= MaxRemembered) _openSince.Clear();
            _openSince[key] = at;
            return (false, null);
        }
        // A merchant's own number has only the templates approved for it.
        return message.Template is null || (own && string.IsNullOrWhiteSpace(from!.InvoiceTemplate))
            ? (false, SendResult.Unreachable("no_template", "whatsapp: 24-hour window closed and the message has no template"))
            : (true, null);
    }
}
