using System.Data.Common;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Outbox;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>
/// Queues the answers to one inbound event, on the channel the person used. The dedupe key
/// ties each answer to the event, so handling an event twice cannot answer it twice.
/// </summary>
public sealed class ReplyWriter(TimeProvider clock)
{
    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, InboundEvent inbound, long? merchantId,
        IReadOnlyList<Reply> replies, CancellationToken ct)
    {
        var bySms = inbound.Channel == Channels.Sms;
        var now = clock.GetUtcNow();
        for (var i = 0; i < replies.Count; i++)
        {
            await OutboxRepository.EnqueueAsync(connection, transaction, OutboxEntry.Due(inbound.From!, OutboxPurpose.Reply,
                replies[i].ToMessage(bySms), $"reply:{inbound.Provider}:{inbound.EventId}:{i}", now, merchantId,
                channel: bySms ? Channels.Sms : null), ct);
        }
    }
}
