using InvoiceFirst.Data.Domain;
using InvoiceFirst.Payments.Merchants;

namespace InvoiceFirst.Bot.Conversations;

public static partial class Replies
{
    private const int MaxSmsMerchantName = 40;

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
        string Compose(string what) => Pick(lang,
            $"{merchant}: invoice {number}{what}. Amount {amount.ToKes()}, due {Date(payBy)}. Pay: {payLink}{orByHand}",
            $"{merchant}: ankara {number}{what}. Kiasi {amount.ToKes()}, lipa kabla ya {Date(payBy)}. Lipa: {payLink}{orByHand}");

        var prefix = Pick(lang, " for ", " ya ");
        var budget = Gsm7.TwoSegmentSeptets - Gsm7.Septets(Compose(prefix));
        var cut = Gsm7.Truncate(Gsm7.Sanitize(description), budget);
        return cut.Length == 0 ? Compose("") : Compose(prefix + cut);
    }

    public static string ReminderSms(
        string merchantName, string number, Money balance, string payLink, PayInstructions? byHand, Language lang)
    {
        var merchant = Gsm7.Truncate(Gsm7.Sanitize(merchantName), MaxSmsMerchantName);
        var orByHand = OrByHand(byHand, lang);
        return Pick(lang,
            $"Reminder from {merchant}: invoice {number} has {balance.ToKes()} unpaid. Pay: {payLink}{orByHand}",
            $"Kumbusho kutoka {merchant}: ankara {number} ina {balance.ToKes()} haijalipwa. Lipa: {payLink}{orByHand}");
    }

    // A Till (Buy Goods) has no account field: the customer quotes the invoice to the seller, as the pay page says.
    private static string OrByHand(PayInstructions? how, Language lang) => how switch
    {
        null => "",
        { IsTill: true } => Pick(lang, $" or M-PESA Buy Goods Till {how.BusinessNumber}", $" au M-PESA Buy Goods Till {how.BusinessNumber}"),
        _ => Pick(lang, $" or M-PESA Paybill {how.BusinessNumber} Account {how.Account}",
            $" au M-PESA Paybill {how.BusinessNumber} Account {how.Account}"),
    };
}
