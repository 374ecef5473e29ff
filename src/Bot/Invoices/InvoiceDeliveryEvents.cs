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
public sealed class InvoiceDeliveryEvents(InvoiceRepository invoices, EventRepository liveEvents, TimeProvider clock) : IDeliveryEvents
{
    public async Task OnAcceptedAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<OutboxEntry> entries, CancellationToken ct)
    {
        var sent = entries.Where(e => e.Purpose == OutboxPurpose.Invoice && e.InvoiceId is not null).ToList();
        if (sent.Count == 0) return;
        var now = clock.GetUtcNow();
        var changed = (await invoices.MarkSentAsync(connection, transaction, sent.Select(e => e.InvoiceId!).ToList(), now, ct)).ToHashSet();
        // One event per invoice that changed, naming the first of its sends in this group.
        var events = sent.Where(e => changed.Remove(e.InvoiceId!)).Select(e => (e.InvoiceId!, e.Id)).ToList();
        if (events.Count > 0)
            await liveEvents.AddForInvoicesAsync(connection, transaction, EventTypes.InvoiceSent, now, events, InvoiceStatus.Sent.Value, ct);
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
