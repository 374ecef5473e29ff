using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Invoices;

namespace InvoiceFirst.Bot.Conversations;

public static partial class Replies
{
    public static Reply InvoiceCreated(string number, string customer, Money amount, Language lang) => new(Pick(lang,
        $"Invoice {number} for {amount.ToKes()} is on its way to {customer}. I'll tell you when it's paid.\nNext: status {number}, remind {number} or cancel {number}.",
        $"Ankara {number} ya {amount.ToKes()} inatumwa kwa {customer}. Nitakujulisha ikilipwa.\nKisha: hali {number}, kumbusha {number} au ghairi {number}."));

    public static Reply EditDoesNotChangeInvoice(string number, Language lang) => new(Pick(lang,
        $"Editing a message does not change an invoice already sent: {number} stays as it was. To change it, send cancel {number} and then a new invoice.",
        $"Kuhariri ujumbe hakubadilishi ankara iliyokwisha kutumwa: {number} inabaki kama ilivyo. Kuibadilisha, tuma ghairi {number} kisha ankara mpya."));

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
        return new(Pick(lang,
            $"{merchantName} sent you invoice {number}\n{description}\nAmount: {amount.ToKes()}\nPay by: {Date(payBy)}\nTap Pay with M-PESA below to pay.",
            $"{merchantName} amekutumia ankara {number}\n{description}\nKiasi: {amount.ToKes()}\nLipa kabla ya: {Date(payBy)}\nBonyeza Lipa kwa M-PESA hapa chini kulipa."),
            [PayButton(invoiceId, lang)]);
    }

    public static Reply Reminder(
        string merchantName, string number, Money balance, DateOnly payBy, string invoiceId, Language lang) =>
        new(Pick(lang,
            $"Reminder from {merchantName}: invoice {number} has {balance.ToKes()} unpaid, due {Date(payBy)}. Tap Pay with M-PESA below to pay.",
            $"Kumbusho kutoka kwa {merchantName}: ankara {number} ina {balance.ToKes()} ambayo haijalipwa, lipa kabla ya {Date(payBy)}. Bonyeza Lipa kwa M-PESA hapa chini."),
            [PayButton(invoiceId, lang)]);

    public static Reply ReminderSent(string number, string customer, Language lang) => new(Pick(lang,
        $"Reminder for {number} sent to {customer}.",
        $"Kumbusho la {number} limetumwa kwa {customer}."));

    public static Reply CancelNotice(string merchantName, string number, Language lang) => new(Pick(lang,
        $"{merchantName} has cancelled invoice {number}. You don't need to pay it.",
        $"{merchantName} ameghairi ankara {number}. Huhitaji kuilipa."));

    public static Reply InvoiceCancelled(string number, Language lang) => new(Pick(lang,
        $"Invoice {number} is cancelled and the customer has been told.",
        $"Ankara {number} imeghairiwa na mteja amejulishwa."));

    public static Reply AlreadyPaid(string number, Language lang) => new(Pick(lang,
        $"Invoice {number} is already paid, so it can't be cancelled or reminded.",
        $"Ankara {number} imeshalipwa, kwa hiyo haiwezi kughairiwa wala kukumbushwa."));

    public static Reply AlreadyCancelled(string number, Language lang) => new(Pick(lang,
        $"Invoice {number} was already cancelled.",
        $"Ankara {number} ilishaghairiwa."));

    public static Reply UnknownInvoice(string number, Language lang) => new(Pick(lang,
        $"I can't find invoice {number}. Send list to see your unpaid invoices.",
        $"Sioni ankara {number}. Tuma orodha kuona ankara ambazo hazijalipwa."));

    public static Reply Status(string number, string status, Money amount, Money paid, Language lang) => new(Pick(lang,
        $"{number}: {StatusLabel(status, lang)}\nAmount: {amount.ToKes()}\nPaid: {paid.ToKes()}\nBalance: {(amount - paid).ToKes()}",
        $"{number}: {StatusLabel(status, lang)}\nKiasi: {amount.ToKes()}\nKimelipwa: {paid.ToKes()}\nBaki: {(amount - paid).ToKes()}"));

    internal static string StatusLabel(string status, Language lang) => status.ToUpperInvariant() switch
    {
        "PENDING" => Pick(lang, "not sent yet", "bado haijatumwa"),
        "SENT" => Pick(lang, "sent, waiting for payment", "imetumwa, inasubiri malipo"),
        "PARTIALLY_PAID" => Pick(lang, "partly paid", "imelipwa sehemu"),
        "PAID" => Pick(lang, "paid", "imelipwa"),
        "CANCELLED" => Pick(lang, "cancelled", "imeghairiwa"),
        "FAILED" => Pick(lang, "could not be delivered", "haikuweza kufikishwa"),
        "EXPIRED" => Pick(lang, "expired", "imepitwa na muda"),
        _ => status,
    };
}
