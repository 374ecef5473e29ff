using InvoiceFirst.Data.Domain;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;
using System.Data.Common;
using InvoiceFirst.Payments.Merchants;
using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Options;
using InvoiceFirst.Data.Time;

namespace InvoiceFirst.Bot.Invoices;

/// <summary>
/// Builds the messages about an invoice in every form a channel needs: WhatsApp text with the
/// pay button, the approved template for a closed 24-hour window, and the SMS with the pay link.
/// </summary>
public sealed class InvoiceMessages(IOptions<AppOptions> app, IOptions<MpesaOptions> mpesa, IConfiguration configuration)
{
    /// <summary>The invoice for its customer; the SMS names the Paybill or Till of the merchant's route, read in the caller's transaction.</summary>
    /// <param name="items">The invoice's lines, listed in the WhatsApp text (the SMS keeps to the total and the link).</param>
    public async Task<OutboundMessage> InvoiceToCustomerAsync(DbConnection c, DbTransaction t, Merchant merchant, Invoice invoice,
        IReadOnlyList<InvoiceItem>? items, CancellationToken ct)
    {
        var lang = CustomerLanguage(merchant, invoice);
        var byHand = await ByHandAsync(c, t, invoice, ct);
        var payBy = PayBy(invoice);
        var reply = InvoiceTexts.CustomerInvoice(merchant.Name, invoice.Number, invoice.Description, invoice.VatBreakdown, items ?? [], payBy,
            invoice.Id, lang);
        return new OutboundMessage
        {
            Text = reply.Text,
            Buttons = reply.Buttons,
            Template = Template(lang, invoice.Id, merchant.Name, invoice.Number, invoice.Amount.ToKes(), payBy.ToString("dd/MM/yyyy")),
            SmsText = InvoiceTexts.InvoiceSms(merchant.Name, invoice.Number, invoice.Description, invoice.Amount, payBy,
                app.Value.PayLink(invoice.PayToken), byHand, lang),
        };
    }

    public async Task<OutboundMessage> ReminderAsync(DbConnection c, DbTransaction t, Merchant merchant, Invoice invoice, CancellationToken ct)
    {
        var lang = CustomerLanguage(merchant, invoice);
        var byHand = await ByHandAsync(c, t, invoice, ct);
        var balance = invoice.Balance;
        var reply = InvoiceTexts.Reminder(merchant.Name, invoice.Number, balance, PayBy(invoice), invoice.Id, lang);
        return new OutboundMessage
        {
            Text = reply.Text,
            Buttons = reply.Buttons,
            Template = Template(lang, invoice.Id, merchant.Name, invoice.Number, balance.ToKes(), PayBy(invoice).ToString("dd/MM/yyyy")),
            SmsText = InvoiceTexts.ReminderSms(merchant.Name, invoice.Number, balance, app.Value.PayLink(invoice.PayToken), byHand, lang),
        };
    }

    public OutboundMessage CancelNotice(Merchant merchant, Invoice invoice)
    {
        var text = InvoiceTexts.CancelNotice(merchant.Name, invoice.Number, CustomerLanguage(merchant, invoice)).Text;
        return new OutboundMessage { Text = text, SmsText = text };
    }

    /// <param name="fromChat">The merchant just wrote: the answer may fall back to SMS like any reply. An invoice made
    /// through the API gets its confirmation on WhatsApp only, never a paid SMS per API call.</param>
    public OutboundMessage InvoiceCreated(Merchant merchant, Invoice invoice, string recipient, bool bySms, bool fromChat)
    {
        var customer = invoice.CustomerName ?? MobileNumber.ToLocal(invoice.Msisdn);
        var message = InvoiceTexts.InvoiceCreated(invoice.Number, customer, invoice.Amount, Language.FromCode(merchant.Language)).ToMessage(bySms);
        return fromChat ? ReplyWriter.WithSmsForm(message, recipient) : message;
    }

    private Task<PayInstructions?> ByHandAsync(DbConnection c, DbTransaction t, Invoice invoice, CancellationToken ct) =>
        PayInstructions.ForAsync(c, t, mpesa.Value, invoice.MerchantId, invoice.PaymentReference, ct);

    private TemplateMessage? Template(Language lang, string invoiceId, params string[] parameters) =>
        configuration["WhatsApp:InvoiceTemplate"] is { Length: > 0 } name
            ? new TemplateMessage(name, lang.Code, parameters, $"pay:{invoiceId}")
            : null;

    /// <summary>The language the invoice was sent in; older invoices were sent in the merchant's.</summary>
    public static Language CustomerLanguage(Merchant merchant, Invoice invoice) => Language.FromCode(invoice.Language ?? merchant.Language);

    private static DateOnly PayBy(Invoice invoice) => NairobiTime.Date(invoice.ExpiresAt);
}
