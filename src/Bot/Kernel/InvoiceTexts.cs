using System.Globalization;
using System.Text;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Payments.Merchants;

namespace InvoiceFirst.Bot.Kernel;

/// <summary>
/// What is said about an invoice outside a chat turn, in English and Swahili: the invoice and reminder as the customer
/// gets them (WhatsApp text with the pay button, and the SMS), the cancel notice, and what its merchant is told when it
/// goes out or cannot. The chat's own answers are <c>Conversations.Replies</c>, which use the item and VAT lines here.
/// </summary>
public static class InvoiceTexts
{
    /// <summary>A Pay with M-PESA button's id is this and the invoice id.</summary>
    public const string PayButtonPrefix = "pay:";

    /// <summary>Items listed in a customer's WhatsApp invoice; the rest are counted, to stay within a message with a button.</summary>
    public const int MaxItemsShown = 10;

    // What the item lines may take of a WhatsApp message with a button (1,024 characters), so the total and the date still fit.
    private const int MaxItemsText = 600;
    private const int MaxSmsMerchantName = 40;

    public static Reply InvoiceCreated(string number, string customer, Money amount, Language lang) => new(lang.Pick(
        $"Invoice {number} for {amount.ToKes()} is on its way to {customer}. I'll tell you when it's paid.\nNext: status {number}, remind {number} or cancel {number}.",
        $"Ankara {number} ya {amount.ToKes()} inatumwa kwa {customer}. Nitakujulisha ikilipwa.\nKisha: hali {number}, kumbusha {number} au ghairi {number}."));

    /// <summary>The invoice as the customer sees it on WhatsApp, with the Pay with M-PESA button.</summary>
    public static Reply CustomerInvoice(
        string merchantName, string number, string description, Money amount, DateOnly payBy, string invoiceId, Language lang) =>
        CustomerInvoice(merchantName, number, description, VatBreakdown.For(VatMode.None, amount), [], payBy, invoiceId, lang);

    /// <summary>With items, they are listed in place of the description; with VAT, net and VAT come before the amount.</summary>
    public static Reply CustomerInvoice(string merchantName, string number, string description, VatBreakdown totals,
        IReadOnlyList<InvoiceItem> items, DateOnly payBy, string invoiceId, Language lang)
    {
        var what = items.Count > 0 ? ItemLines(items, lang).TrimEnd('\n') : description;
        var amount = totals.Gross;
        description = what + (totals.ShowsVat ? "\n" + VatLines(totals, lang).TrimEnd('\n') : "");
        return new(lang.Pick(
            $"{merchantName} sent you invoice {number}\n{description}\nAmount: {amount.ToKes()}\nPay by: {Date(payBy)}\nTap Pay with M-PESA below to pay.",
            $"{merchantName} amekutumia ankara {number}\n{description}\nKiasi: {amount.ToKes()}\nLipa kabla ya: {Date(payBy)}\nBonyeza Lipa kwa M-PESA hapa chini kulipa."),
            [PayButton(invoiceId, lang)]);
    }

    public static Reply Reminder(
        string merchantName, string number, Money balance, DateOnly payBy, string invoiceId, Language lang) =>
        new(lang.Pick(
            $"Reminder from {merchantName}: invoice {number} has {balance.ToKes()} unpaid, due {Date(payBy)}. Tap Pay with M-PESA below to pay.",
            $"Kumbusho kutoka kwa {merchantName}: ankara {number} ina {balance.ToKes()} ambayo haijalipwa, lipa kabla ya {Date(payBy)}. Bonyeza Lipa kwa M-PESA hapa chini."),
            [PayButton(invoiceId, lang)]);

    public static Reply CancelNotice(string merchantName, string number, Language lang) => new(lang.Pick(
        $"{merchantName} has cancelled invoice {number}. You don't need to pay it.",
        $"{merchantName} ameghairi ankara {number}. Huhitaji kuilipa."));

    public static Reply CustomerUnreachable(string number, string customer, Language lang) => new(lang.Pick(
        $"We could not reach {customer} with invoice {number} on WhatsApp or SMS. Check the number and send the invoice again.",
        $"Hatukuweza kumfikia {customer} na ankara {number} kwa WhatsApp wala SMS. Hakikisha nambari kisha utume ankara tena."));

    public static ReplyButton PayButton(string invoiceId, Language lang) =>
        new(PayButtonPrefix + invoiceId, lang.Pick("Pay with M-PESA", "Lipa kwa M-PESA"));

    /// <summary>
    /// The invoice by SMS: two GSM-7 segments at most. Merchant name and description are the only
    /// free text, so they are cleaned to GSM-7 and the description is cut to what fits.
    /// </summary>
    /// <param name="byHand">The merchant's Paybill or Till to pay from the M-PESA menu; null: the link only.</param>
    public static string InvoiceSms(
        string merchantName, string number, string description, Money amount, DateOnly payBy,
        string payLink, PayInstructions? byHand, Language lang)
    {
        var merchant = Gsm7.Truncate(Gsm7.Sanitize(merchantName), MaxSmsMerchantName);
        var orByHand = OrByHand(byHand, lang);
        string Compose(string what) => lang.Pick(
            $"{merchant}: invoice {number}{what}. Amount {amount.ToKes()}, due {Date(payBy)}. Pay: {payLink}{orByHand}",
            $"{merchant}: ankara {number}{what}. Kiasi {amount.ToKes()}, lipa kabla ya {Date(payBy)}. Lipa: {payLink}{orByHand}");

        var prefix = lang.Pick(" for ", " ya ");
        var budget = Gsm7.TwoSegmentSeptets - Gsm7.Septets(Compose(prefix));
        var cut = Gsm7.Truncate(Gsm7.Sanitize(description), budget);
        return cut.Length == 0 ? Compose("") : Compose(prefix + cut);
    }

    public static string ReminderSms(
        string merchantName, string number, Money balance, string payLink, PayInstructions? byHand, Language lang)
    {
        var merchant = Gsm7.Truncate(Gsm7.Sanitize(merchantName), MaxSmsMerchantName);
        var orByHand = OrByHand(byHand, lang);
        return lang.Pick(
            $"Reminder from {merchant}: invoice {number} has {balance.ToKes()} unpaid. Pay: {payLink}{orByHand}",
            $"Kumbusho kutoka {merchant}: ankara {number} ina {balance.ToKes()} haijalipwa. Lipa: {payLink}{orByHand}");
    }

    /// <summary>"2 x Cement @ KES 750 = KES 1,500", or "Delivery: KES 300" for one.</summary>
    internal static string ItemLine(string description, int quantity, Money unit) =>
        quantity == 1 ? $"{description}: {unit.ToKes()}" : $"{quantity} x {description} @ {unit.ToKes()} = {Money.FromCents(unit.Cents * quantity).ToKes()}";

    /// <summary>The item lines of an invoice, at most <see cref="MaxItemsShown"/> and what fits, then how many more.</summary>
    internal static string ItemLines(IReadOnlyList<InvoiceItem> items, Language lang)
    {
        var text = new StringBuilder();
        var shown = 0;
        foreach (var line in items.Take(MaxItemsShown).Select(i => ItemLine(Truncated(i.Description), i.Quantity, i.UnitAmount)))
        {
            if (text.Length + line.Length > MaxItemsText) break;
            text.Append(line).Append('\n');
            shown++;
        }

        if (items.Count > shown)
            text.Append(lang.Pick($"... and {items.Count - shown} more items\n", $"... na bidhaa {items.Count - shown} zaidi\n"));
        return text.ToString();
    }

    /// <summary>"Net: …\nVAT 16%: …\n" when the invoice shows VAT; nothing when it does not.</summary>
    internal static string VatLines(VatBreakdown vat, Language lang) => vat.ShowsVat
        ? lang.Pick(
            $"Net: {vat.Net.ToKes()}\nVAT {VatBreakdown.RatePercent}%{(vat.Mode == VatMode.Inclusive ? " (included)" : "")}: {vat.Vat.ToKes()}\n",
            $"Bila VAT: {vat.Net.ToKes()}\nVAT {VatBreakdown.RatePercent}%{(vat.Mode == VatMode.Inclusive ? " (imejumuishwa)" : "")}: {vat.Vat.ToKes()}\n")
        : "";

    // A Till (Buy Goods) has no account field: the customer quotes the invoice to the seller, as the pay page says.
    private static string OrByHand(PayInstructions? how, Language lang) => how switch
    {
        null => "",
        { IsTill: true } => lang.Pick($" or M-PESA Buy Goods Till {how.BusinessNumber}", $" au M-PESA Buy Goods Till {how.BusinessNumber}"),
        _ => lang.Pick($" or M-PESA Paybill {how.BusinessNumber} Account {how.Account}",
            $" au M-PESA Paybill {how.BusinessNumber} Account {how.Account}"),
    };

    private static string Truncated(string description) =>
        description.Length <= FieldRules.NameMax ? description : description[..(FieldRules.NameMax - 3)] + "...";

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
