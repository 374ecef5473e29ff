using InvoiceFirst.Data.Domain;
using System.Data.Common;
using InvoiceFirst.Data.Events;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Outbox;

namespace InvoiceFirst.Bot.Invoices;

/// <summary>
/// What delivery means for an invoice: the first accepted send makes it SENT; when no channel
/// can deliver it, it becomes FAILED and the merchant is told, once.
/// </summary>
public sealed class InvoiceDeliveryEvents(TimeProvider clock) : IDeliveryEvents
{
    public async Task OnAcceptedAsync(DbConnection connection, DbTransaction transaction, OutboxEntry entry, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (entry.Purpose == OutboxPurpose.Invoice && entry.InvoiceId is { } id && await InvoiceRepository.MarkSentAsync(connection, transaction, id, now, ct))
            await EventRepository.AddAsync(connection, transaction, EventTypes.InvoiceSent, now, id, outboxId: entry.Id, status: InvoiceStatus.Sent.Value, ct: ct);
    }

    public async Task OnUndeliverableAsync(DbConnection connection, DbTransaction transaction, OutboxEntry entry, CancellationToken ct)
    {
        if (entry.Purpose != OutboxPurpose.Invoice || entry.InvoiceId is not { } id || entry.MerchantId is not { } merchantId) return;
        var now = clock.GetUtcNow();
        await InvoiceRepository.MarkFailedAsync(connection, transaction, id, now, ct);
        // Read in the dispatcher's transaction: a second pooled connection here can deadlock the pool.
        if (await InvoiceRepository.GetAsync(connection, transaction, id, ct) is not { } invoice
            || await MerchantRepository.GetAsync(connection, transaction, merchantId, ct) is not { } merchant) return;

        var customer = invoice.CustomerName ?? MobileNumber.ToLocal(invoice.Msisdn);
        var text = InvoiceTexts.CustomerUnreachable(invoice.Number, customer, Language.FromCode(merchant.Language)).Text;
        // WhatsApp first, SMS when that is what works; the key makes it once per invoice.
        await OutboxRepository.EnqueueAsync(connection, transaction, OutboxEntry.Due(merchant.Phone, OutboxPurpose.Notice,
            new OutboundMessage { Text = text, SmsText = text }, $"invoice-undeliverable:{id}", now, merchantId, id), ct);
    }
}
