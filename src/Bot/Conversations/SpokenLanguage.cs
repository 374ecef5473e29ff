using System.Text.RegularExpressions;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>
/// The language a customer's message is written in, when its words say so. PAY and numbers say
/// nothing (Swahili speakers type PAY too): then the invoice's language decides. Pure.
/// </summary>
public static partial class SpokenLanguage
{
    private static readonly HashSet<string> Swahili = new(StringComparer.OrdinalIgnoreCase)
    {
        "lipa", "nilipe", "kulipa", "nataka", "ndio", "ndiyo", "hapana", "asante", "asanti", "habari", "mambo", "niaje", "sasa",
        "tafadhali", "ankara", "pesa", "bado", "sijalipa", "nimelipa", "shikamoo", "jambo", "sawa", "gani", "nini", "kwa", "ya", "na",
    };

    private static readonly HashSet<string> English = new(StringComparer.OrdinalIgnoreCase)
    {
        "hello", "hi", "thanks", "thank", "please", "yes", "no", "what", "how", "want", "paid", "invoice", "the", "my", "is", "i",
    };

    public static Language? Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        int swahili = 0, english = 0;
        foreach (Match word in Words().Matches(text))
        {
            if (Swahili.Contains(word.Value)) swahili++;
            else if (English.Contains(word.Value)) english++;
        }

        return swahili > english ? Language.Swahili : english > swahili ? Language.English : null;
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();
}
