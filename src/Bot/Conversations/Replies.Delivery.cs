namespace InvoiceFirst.Bot.Conversations;

public static partial class Replies
{
    public static Reply CustomerUnreachable(string number, string customer, Language lang) => new(Pick(lang,
        $"We could not reach {customer} with invoice {number} on WhatsApp or SMS. Check the number and send the invoice again.",
        $"Hatukuweza kumfikia {customer} na ankara {number} kwa WhatsApp wala SMS. Hakikisha nambari kisha utume ankara tena."));
}
