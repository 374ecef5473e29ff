using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Invoices;

/// <summary>Builds the messages about an invoice in every form a channel needs.</summary>
public sealed class InvoiceMessages(IOptions<AppOptions> app)
{
    public OutboundMessage InvoiceToCustomer(Merchant merchant, Invoice invoice) => new()
    {
        Text = $"{merchant.Name}: invoice {invoice.Number} for KES {invoice.AmountCents / 100:N0} — {invoice.Description}",
        Buttons = [new ReplyButton($"pay:{invoice.Id}", "Pay with M-PESA")],
        SmsText = $"{merchant.Name} invoice {invoice.Number}: KES {invoice.AmountCents / 100:N0}. Pay: {app.Value.PayLink(invoice.PayToken)}",
    };

    public OutboundMessage InvoiceCreated(Merchant merchant, Invoice invoice) => new()
    {
        Text = $"Invoice {invoice.Number} created for KES {invoice.AmountCents / 100:N0}.",
    };
}
