using InvoiceFirst.Data.Domain;
using System.Data.Common;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Channels;
using InvoiceFirst.Messaging.WhatsApp;

namespace InvoiceFirst.Bot.Kernel;

/// <summary>
/// Queues the answers to one inbound event, on the channel and WhatsApp number the person used. The dedupe key
/// ties each answer to the event, so handling an event twice cannot answer it twice.
/// </summary>
public sealed class ReplyWriter(WhatsAppNumbers numbers, TimeProvider clock)
{
    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, ChatEvent inbound, long? merchantId,
        IReadOnlyList<Reply> replies, CancellationToken ct)
    {
        var bySms = inbound.Channel == Channels.Sms;
        var now = clock.GetUtcNow();
        // The answer goes from the number the person wrote to: a merchant's own number, or the shared one (named, so that
        // a merchant's own number is not taken for its owner's replies on the shared one).
        var fromNumber = inbound.Provider != Providers.WhatsApp ? null
            : inbound.OwnNumberMerchantId is not null ? inbound.BusinessNumberId : numbers.SharedId;
        for (var i = 0; i < replies.Count; i++)
        {
            await OutboxRepository.EnqueueAsync(connection, transaction, OutboxEntry.Due(inbound.From!, OutboxPurpose.Reply,
                WithSmsForm(replies[i].ToMessage(bySms), inbound.From), $"reply:{inbound.Provider}:{inbound.EventId}:{i}", now, merchantId,
                channel: bySms ? Channels.Sms : null) with { BusinessNumberId = fromNumber }, ct);
        }
    }

    /// <summary>
    /// A reply WhatsApp cannot carry (its window closed, the number left WhatsApp) goes by SMS like any
    /// other message; someone known only by a WhatsApp user id has no number to text.
    /// </summary>
    public static OutboundMessage WithSmsForm(OutboundMessage message, string? recipient) =>
        message.SmsText is null && MobileNumber.IsPlausible(recipient) ? message with { SmsText = message.Text } : message;
}
