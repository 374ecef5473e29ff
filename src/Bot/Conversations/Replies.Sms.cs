using InvoiceFirst.Data.Domain;
namespace InvoiceFirst.Bot.Conversations;

public static partial class Replies
{
    private const int MaxSmsMerchantName = 40;

    /// <summary>
    /// The invoice by SMS: two GSM-7 segments at most. Merchant name and description are the only
    /// free text, so they are cleaned to GSM-7 and the description is cut to what fits.
    /// </summary>
    public static string InvoiceSms(
        string merchantName, string number, string description, Money amount, DateOnly payBy,
        string payLink, string paybill, string account, Language lang)
    {
        var merchant = Gsm7.Truncate(Gsm7.Sanitize(merchantName), MaxSmsMerchantName);
        string Compose(string what) => Pick(lang,
            $"{merchant}: invoice {number}{what}. Amount {amount.ToKes()}, due {Date(payBy)}. Pay: {payLink} or M-PESA Paybill {paybill} Account {account}",
            $"{merchant}: ankara {number}{what}. Kiasi {amount.ToKes()}, lipa kabla ya {Date(payBy)}. Lipa: {payLink} au M-PESA Paybill {paybill} Account {account}");

        var prefix = Pick(lang, " for ", " ya ");
        var budget = Gsm7.TwoSegmentSeptets - Gsm7.Septets(Compose(prefix));
        var cut = Gsm7.Truncate(Gsm7.Sanitize(description), budget);
        return cut.Length == 0 ? Compose("") : Compose(prefix + cut);
    }

    public static string ReminderSms(
        string merchantName, string number, Money balance, string payLink, string paybill, string account, Language lang)
    {
        var merchant = Gsm7.Truncate(Gsm7.Sanitize(merchantName), MaxSmsMerchantName);
        return Pick(lang,
            $"Reminder from {merchant}: invoice {number} has {balance.ToKes()} unpaid. Pay: {payLink} or M-PESA Paybill {paybill} Account {account}",
            $"Kumbusho kutoka {merchant}: ankara {number} ina {balance.ToKes()} haijalipwa. Lipa: {payLink} au M-PESA Paybill {paybill} Account {account}");
    }
}
