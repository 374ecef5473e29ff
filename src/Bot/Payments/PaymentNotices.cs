using System.Data.Common;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Payments;

namespace InvoiceFirst.Bot.Payments;

/// <summary>Queues payment messages to the payer and to the merchant; each dedupe key is sent once.</summary>
public sealed class PaymentNotices(TimeProvider clock)
{
    public Task ToPayerAsync(DbConnection c, DbTransaction t, Payment payment, string recipient, string? invoiceId, Reply reply,
        string purpose, string dedupeKey, CancellationToken ct)
    {
        var bySms = payment.ReplyChannel == Channels.Sms;
        return EnqueueAsync(c, t, null, invoiceId, recipient, bySms ? Channels.Sms : null, reply.ToMessage(bySms), purpose, dedupeKey, ct);
    }

    public Task ToMerchantAsync(DbConnection c, DbTransaction t, long merchantId, string merchantPhone, string? invoiceId, Reply reply,
        string dedupeKey, CancellationToken ct) =>
        EnqueueAsync(c, t, merchantId, invoiceId, merchantPhone, null, reply.ToMessage(), OutboxPurpose.Receipt, dedupeKey, ct);

    private Task EnqueueAsync(DbConnection c, DbTransaction t, long? merchantId, string? invoiceId, string recipient, string? channel,
        OutboundMessage message, string purpose, string dedupeKey, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // A customer who asked by SMS still gets the receipt there; WhatsApp messages also carry an SMS form for fallback.
        var withSms = message.SmsText is null ? message with { SmsText = message.Text } : message;
        return OutboxRepository.EnqueueAsync(c, t, OutboxEntry.Due(recipient, purpose, withSms, dedupeKey, now, merchantId, invoiceId, channel), ct);
    }
}
