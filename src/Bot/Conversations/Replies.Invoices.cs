using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Invoices;

namespace InvoiceFirst.Bot.Conversations;

public static partial class Replies
{
    public static Reply EditDoesNotChangeInvoice(string number, Language lang) => new(Pick(lang,
        $"Editing a message does not change an invoice already sent: {number} stays as it was. To change it, send cancel {number} and then a new invoice.",
        $"Kuhariri ujumbe hakubadilishi ankara iliyokwisha kutumwa: {number} inabaki kama ilivyo. Kuibadilisha, tuma ghairi {number} kisha ankara mpya."));

    public static Reply ReminderSent(string number, string customer, Language lang) => new(Pick(lang,
        $"Reminder for {number} sent to {customer}.",
        $"Kumbusho la {number} limetumwa kwa {customer}."));

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

    public static Reply Status(string number, InvoiceStatus status, Money amount, Money paid, Language lang) => new(Pick(lang,
        $"{number}: {StatusLabel(status, lang)}\nAmount: {amount.ToKes()}\nPaid: {paid.ToKes()}\nBalance: {(amount - paid).ToKes()}",
        $"{number}: {StatusLabel(status, lang)}\nKiasi: {amount.ToKes()}\nKimelipwa: {paid.ToKes()}\nBaki: {(amount - paid).ToKes()}"));

    internal static string StatusLabel(InvoiceStatus status, Language lang) =>
        status == InvoiceStatus.Pending ? Pick(lang, "not sent yet", "bado haijatumwa")
        : status == InvoiceStatus.Sent ? Pick(lang, "sent, waiting for payment", "imetumwa, inasubiri malipo")
        : status == InvoiceStatus.PartiallyPaid ? Pick(lang, "partly paid", "imelipwa sehemu")
        : status == InvoiceStatus.Paid ? Pick(lang, "paid", "imelipwa")
        : status == InvoiceStatus.Cancelled ? Pick(lang, "cancelled", "imeghairiwa")
        : status == InvoiceStatus.Failed ? Pick(lang, "could not be delivered", "haikuweza kufikishwa")
        : status == InvoiceStatus.Expired ? Pick(lang, "expired", "imepitwa na muda")
        : status.Value;
}
