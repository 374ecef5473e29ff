using System.Data.Common;
using InvoiceFirst.Data.Conversations;
using InvoiceFirst.Data.Inbox;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>A message from someone who is not a merchant: a customer. Paying is started by the payments flow.</summary>
public sealed class CustomerChat(ConversationRepository conversations, ReplyWriter replies, TimeProvider clock)
{
    public async Task HandleAsync(DbConnection c, DbTransaction t, InboundEvent inbound, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var conversation = await conversations.LockAsync(c, t, inbound.From!, now, ct);
        if (conversation.LastInboundAt is not { } last || last < inbound.Timestamp)
            conversation.LastInboundAt = inbound.Timestamp;
        conversation.UpdatedAt = now;
        await ConversationRepository.SaveAsync(c, t, conversation, ct);

        var lang = Language.FromCode(conversation.Language);
        var answer = inbound.Kind == InboundKind.Unsupported ? Replies.TextOnly(lang) : Replies.CustomerPayHint(lang);
        await replies.WriteAsync(c, t, inbound, merchantId: null, [answer], ct);
    }
}
