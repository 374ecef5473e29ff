using System.Data.Common;
using System.Globalization;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Outbox;
using InvoiceFirst.Messaging.WhatsApp;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Invoices;

/// <summary>
/// The WhatsApp document messages queued after the invoice and after the receipt: WhatsApp only (no SMS form, so SMS
/// customers keep the link they already got), free-form only: outside the 24-hour window none is queued (the invoice's
/// template carries the link), so the outbox holds no row bound to fail. The PDF itself is rendered when the outbox sends it.
/// </summary>
public sealed class InvoiceDocumentMessages(IOptions<AppOptions> app, IOptions<DocumentOptions> options, WhatsAppWindow window,
    WhatsAppNumbers numbers)
{
    public async Task<OutboxEntry?> ForInvoiceAsync(DbConnection c, DbTransaction t, Merchant merchant, Invoice invoice, DateTimeOffset now,
        CancellationToken ct)
    {
        if (!await WantedAsync(c, t, merchant, invoice.Msisdn, ct)) return null;
        var swahili = Language.FromCode(invoice.Language ?? merchant.Language) == Language.Swahili;
        var caption = string.Format(CultureInfo.InvariantCulture, swahili ? "Ankara {0} kutoka {1}: {2}." : "Invoice {0} from {1}: {2}.",
            invoice.Number, merchant.Name, app.Value.PayLink(invoice.PayToken));
        return Entry(invoice.Msisdn, OutboxPurpose.Invoice, caption, new DocumentAttachment("invoice", invoice.Id, $"invoice-{invoice.Number}.pdf"),
            $"invoice-pdf:{invoice.Id}", now, merchant.Id, invoice.Id);
    }

    public async Task<OutboxEntry?> ForReceiptAsync(DbConnection c, DbTransaction t, Merchant merchant, Invoice invoice, long paymentId,
        string recipient, Language language, DateTimeOffset now, CancellationToken ct)
    {
        if (!await WantedAsync(c, t, merchant, recipient, ct)) return null;
        var caption = string.Format(CultureInfo.InvariantCulture,
            language == Language.Swahili ? "Risiti ya ankara {0} kutoka {1}. Asante!" : "Receipt for invoice {0} from {1}. Thank you!",
            invoice.Number, merchant.Name);
        return Entry(recipient, OutboxPurpose.Receipt, caption, new DocumentAttachment("receipt", invoice.Id, $"receipt-{invoice.Number}.pdf"),
            $"receipt-pdf:{paymentId}", now, merchant.Id, invoice.Id);
    }

    // The window of the number the document goes from: the merchant's own, else the shared one. Read on the caller's
    // connection: a second pooled connection opened while its transaction holds the merchant's row deadlocked the
    // pool when one merchant created more invoices at once than the pool has connections.
    private async Task<bool> WantedAsync(DbConnection c, DbTransaction t, Merchant merchant, string recipient, CancellationToken ct) =>
        options.Value.WhatsAppPdf && merchant.PdfEnabled && (await window.DecideAsync(c, t, await numbers.ForMerchantAsync(c, t, merchant.Id, ct),
            WhatsAppParticipant.Of(recipient), new OutboundMessage { Text = "" }, ct)).NoWay is null;

    private static OutboxEntry Entry(string recipient, OutboxPurpose purpose, string caption, DocumentAttachment document, string dedupeKey,
        DateTimeOffset now, long merchantId, string invoiceId) =>
        OutboxEntry.Due(recipient, purpose, new OutboundMessage { Text = caption, Document = document }, dedupeKey, now, merchantId, invoiceId);
}
