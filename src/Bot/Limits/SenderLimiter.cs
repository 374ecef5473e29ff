using System.Data.Common;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Privacy;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Limits;

/// <summary>
/// Per-sender limit on inbound chat, so a loop (another bot answering ours) or a spammer cannot
/// flood the outbox. Counted over the shared inbox rather than an in-memory limiter: every
/// instance sees the same count, and a retried event is counted the same way again.
/// </summary>
public sealed class SenderLimiter(IOptions<ChatLimitOptions> options, TimeProvider clock, ILogger<SenderLimiter> logger)
{
    /// <summary>True when the event should not be answered; the first excess of a window gets one "slow down" reply.</summary>
    public async Task<bool> IsOverLimitAsync(DbConnection c, DbTransaction t, ChatEvent inbound, long? merchantId, Language lang, CancellationToken ct)
    {
        var o = options.Value;
        if (o.PerSenderPermitLimit <= 0) return false;
        if (await SenderActivity.EarlierInWindowAsync(c, t, inbound, o.Window, ct) is not { } activity) return false;
        if (activity.Earlier < o.PerSenderPermitLimit) return false;

        logger.LogWarning("Sender {Sender} is over {Limit} messages in {Window}; event {EventId} stored, not answered",
            Mask.Phone(inbound.From), o.PerSenderPermitLimit, o.Window, inbound.EventId);
        // One reply per fixed window at most, whichever instance gets there first.
        var bucket = activity.ReceivedAt.ToUnixTimeSeconds() / Math.Max(1, o.PerSenderWindowSeconds);
        var bySms = inbound.Channel == Channels.Sms;
        await OutboxRepository.EnqueueAsync(c, t, OutboxEntry.Due(inbound.From!, OutboxPurpose.Reply, Replies.SlowDown(lang).ToMessage(bySms),
            $"slow-down:{inbound.From}:{bucket}", clock.GetUtcNow(), merchantId, channel: bySms ? Channels.Sms : null), ct);
        return true;
    }
}
