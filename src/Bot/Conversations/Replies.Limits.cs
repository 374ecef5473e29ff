namespace InvoiceFirst.Bot.Conversations;

public static partial class Replies
{
    /// <summary>The merchant's daily invoice limit stopped this invoice (a guided draft stays at its summary).</summary>
    public static Reply DailyInvoiceLimitReached(int limit, Language lang) => new(Pick(lang,
        $"You have reached today's limit of {limit} invoices, so this invoice was not sent. Please try again tomorrow: the count starts again at midnight.",
        $"Umefikia kikomo cha leo cha ankara {limit}, kwa hivyo ankara hii haikutumwa. Tafadhali jaribu tena kesho: hesabu inaanza upya saa sita usiku."));
}
