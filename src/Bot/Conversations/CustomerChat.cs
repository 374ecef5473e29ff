using System.Data.Common;
using InvoiceFirst.Data.Conversations;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Payments.Flow;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>
/// A message from someone who is not a merchant: a customer. A pay button (<c>pay:{invoiceId}</c>)
/// or the word PAY/LIPA records a payment; the STK push follows once this transaction commits. An
/// edited message is read like a new one: starting a payment twice finds the one already open.
/// </summary>
public sealed class CustomerChat(ConversationRepository conversations, ReplyWriter replies, PaymentInitiator initiator, TimeProvider clock)
{
    private static readonly HashSet<string> PayWords = new(StringComparer.OrdinalIgnoreCase) { "pay", "lipa" };

    public async Task HandleAsync(DbConnection c, DbTransaction t, ChatEvent inbound, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var conversation = await conversations.LockAsync(c, t, inbound.From!, now, ct);
        var receivedAt = inbound.ReceivedAt ?? now;
        if (conversation.LastInboundAt is not { } last || last < receivedAt)
            conversation.LastInboundAt = receivedAt;
        conversation.UpdatedAt = now;
        await ConversationRepository.SaveAsync(c, t, conversation, ct);

        var lang = Language.FromCode(conversation.Language);
        var answer = inbound.Kind switch
        {
            InboundKind.Unsupported => Replies.CustomerMediaNotRead(lang),
            InboundKind.Button when inbound.ButtonId is { } id && id.StartsWith(Keywords.PayButtonPrefix, StringComparison.Ordinal) =>
                await PayInvoiceAsync(c, t, inbound, id[Keywords.PayButtonPrefix.Length..], lang, ct),
            InboundKind.Text when PayWords.Contains(inbound.Text?.Trim().TrimEnd('.', '!') ?? "") =>
                await PayLatestAsync(c, t, inbound, lang, ct),
            _ => Replies.CustomerPayHint(lang),
        };
        await replies.WriteAsync(c, t, inbound, merchantId: null, [answer], ct);
    }

    private async Task<Reply> PayInvoiceAsync(DbConnection c, DbTransaction t, ChatEvent inbound, string invoiceId, Language lang, CancellationToken ct)
    {
        var invoice = await InvoicePayments.GetAsync(c, t, invoiceId, ct);
        // Object-level authorization: an invoice id is not a secret, the number it was sent to is the key.
        if (invoice is null || invoice.Msisdn != inbound.From) return Replies.NotYourInvoice(lang);
        return await StartAsync(c, t, inbound, invoice, lang, ct);
    }

    private async Task<Reply> PayLatestAsync(DbConnection c, DbTransaction t, ChatEvent inbound, Language lang, CancellationToken ct)
    {
        var invoice = await InvoicePayments.LatestUnpaidForAsync(c, t, inbound.From!, ct);
        return invoice is null ? Replies.NoUnpaidInvoice(lang) : await StartAsync(c, t, inbound, invoice, lang, ct);
    }

    private async Task<Reply> StartAsync(DbConnection c, DbTransaction t, ChatEvent inbound, Invoice invoice, Language lang, CancellationToken ct)
    {
        // Keyed by the event: handling the same tap again finds the same payment instead of a second push.
        var key = $"chat:{inbound.Provider}:{inbound.EventId}";
        var replyChannel = inbound.Channel == Channels.Sms ? Channels.Sms : null;
        var started = await initiator.StartAsync(c, t, invoice, inbound.From!, key, replyChannel, ct);
        return started.Kind switch
        {
            InitiationKind.Started or InitiationKind.Existing => Replies.CheckYourPhone(invoice.Number, started.Payment!.Amount, lang),
            InitiationKind.AlreadyLive => Replies.PromptAlreadyOpen(invoice.Number, lang),
            InitiationKind.Paid => Replies.InvoiceAlreadyPaid(invoice.Number, lang),
            _ => Replies.InvoiceNotPayable(invoice.Number, lang),
        };
    }
}
