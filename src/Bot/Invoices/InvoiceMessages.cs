using InvoiceFirst.Data.Domain;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;
using Microsoft.Extensions.Options;
using InvoiceFirst.Data.Time;

namespace InvoiceFirst.Bot.Invoices;

/// <summary>
/// Builds the messages about an invoice in every form a channel needs: WhatsApp text with the
/// pay button, the approved template for a closed 24-hour window, and the SMS with the pay link.
/// </summary>
public sealed class InvoiceMessages(IOptions<AppOptions> app, IConfiguration configuration)
{
    /// <param name="items">The invoice's lines, listed in the WhatsApp text (the SMS keeps to the total and the link).</param>
    public OutboundMessage InvoiceToCustomer(Merchant merchant, Invoice invoice, IReadOnlyList<InvoiceItem>? items = null)
    {
        var lang = CustomerLanguage(merchant, invoice);
        var payBy = PayBy(invoice);
        var reply = Replies.CustomerInvoice(merchant.Name, invoice.Number, invoice.Description, invoice.VatBreakdown, items ?? [], payBy,
            invoice.Id, lang);
        return new OutboundMessage
        {
            Text = reply.Text,
            Buttons = reply.Buttons,
            Template = Template(lang, invoice.Id, merchant.Name, invoice.Number, invoice.Amount.ToKes(), payBy.ToString("dd/MM/yyyy")),
            SmsText = Replies.InvoiceSms(merchant.Name, invoice.Number, invoice.Description, invoice.Amount, payBy,
                app.Value.PayLink(invoice.PayToken), PaybillNumber, invoice.PaymentReference, lang),
        };
    }

    public OutboundMessage Reminder(Merchant merchant, Invoice invoice)
    {
        var lang = CustomerLanguage(merchant, invoice);
        var balance = invoice.Balance;
        var reply = Replies.Reminder(merchant.Name, invoice.Number, balance, PayBy(invoice), invoice.Id, lang);
        return new OutboundMessage
        {
            Text = reply.Text,
            Buttons = reply.Buttons,
            Template = Template(lang, invoice.Id, merchant.Name, invoice.Number, balance.ToKes(), PayBy(invoice).ToString("dd/MM/yyyy")),
            SmsText = Replies.ReminderSms(merchant.Name, invoice.Number, balance, app.Value.PayLink(invoice.PayToken), PaybillNumber, invoice.PaymentReference, lang),
        };
    }

    public OutboundMessage CancelNotice(Merchant merchant, Invoice invoice)
    {
        var text = Replies.CancelNotice(merchant.Name, invoice.Number, CustomerLanguage(merchant, invoice)).Text;
        return new OutboundMessage { Text = text, SmsText = text };
    }

    /// <param name="fromChat">The merchant just wrote: the answer may fall back to SMS like any reply. An invoice made
    /// through the API gets its confirmation on WhatsApp only, never a paid SMS per API call.</param>
    public OutboundMessage InvoiceCreated(Merchant merchant, Invoice invoice, string recipient, bool bySms, bool fromChat)
    {
        var customer = invoice.CustomerName ?? MobileNumber.ToLocal(invoice.Msisdn);
        var message = Replies.InvoiceCreated(invoice.Number, customer, invoice.Amount, Language.FromCode(merchant.Language)).ToMessage(bySms);
        return fromChat ? ReplyWriter.WithSmsForm(message, recipient) : message;
    }

    /// <summary>The number customers pay to by hand: the Till for Buy Goods, else the Paybill.</summary>
    private string PaybillNumber =>
        configuration["Mpesa:PartyB"] is { Length: > 0 } partyB ? partyB : configuration["Mpesa:ShortCode"] is { Length: > 0 } code ? code : "174379";

    private TemplateMessage? Template(Language lang, string invoiceId, params string[] parameters) =>
        configuration["WhatsApp:InvoiceTemplate"] is { Length: > 0 } name
            ? new TemplateMessage(name, lang.Code, parameters, $"pay:{invoiceId}")
            : null;

    /// <summary>The language the invoice was sent in; older invoices were sent in the merchant's.</summary>
    public static Language CustomerLanguage(Merchant merchant, Invoice invoice) => Language.FromCode(invoice.Language ?? merchant.Language);

    private static DateOnly PayBy(Invoice invoice) => NairobiTime.Date(invoice.ExpiresAt);
}
