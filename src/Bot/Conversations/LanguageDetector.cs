namespace InvoiceFirst.Bot.Conversations;

/// <summary>
/// Which language a message is written in, from the words it uses: Kiswahili keywords, greetings and the small
/// words of a sentence against their English counterparts. Null when the words do not say (numbers, names, a tie,
/// or a customer's PAY: Swahili speakers type it too). Used for merchants and customers alike.
/// </summary>
public static class LanguageDetector
{
    private static readonly HashSet<string> Swahili = new(StringComparer.OrdinalIgnoreCase)
    {
        "habari", "mambo", "niaje", "asante", "ahsante", "sasa", "vipi", "jambo", "hujambo", "shikamoo", "salama", "karibu",
        "nataka", "kutuma", "tuma", "nitumie", "mtumie", "naomba", "tafadhali", "tengeneza", "kwa", "ya", "na", "ni", "wa",
        "za", "cha", "mteja", "pesa", "shilingi", "elfu", "mia", "laki", "bei", "ndio", "ndiyo", "hapana", "sawa", "leo",
        "kesho", "nini", "gani", "je", "yako", "yangu", "hii", "hiyo", "malipo", "lipa", "kulipa", "nina", "sina", "menyu",
        "nilipe", "asanti", "bado", "sijalipa", "nimelipa",
    };

    private static readonly HashSet<string> English = new(StringComparer.OrdinalIgnoreCase)
    {
        "send", "to", "for", "please", "hello", "hi", "hey", "thanks", "thank", "you", "the", "a", "an", "my", "me", "i",
        "want", "menu", "good", "morning", "how", "are", "what", "is", "of", "and", "with", "make", "create", "customer",
        "amount", "yes", "no", "ok", "start", "bill", "paid",
    };

    public static Language? Detect(string? text)
    {
        var tokens = CommandParser.Tokens().Matches(text ?? "").Select(m => ChatWords.Clean(m.Value)).ToArray();
        var swahili = 0;
        var english = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            // The keyword a message starts with says the most: it is the word the merchant chose to command in.
            var weight = i == 0 ? 2 : 1;
            if (Keywords.TryCommand(tokens[i], out _, out var keywordLanguage))
            {
                if (keywordLanguage.IsSwahili) swahili += weight;
                else english += weight;
            }
            else if (Swahili.Contains(tokens[i]))
            {
                swahili += weight;
            }
            else if (English.Contains(tokens[i]))
            {
                english += weight;
            }
        }

        return swahili > english ? Language.Swahili : english > swahili ? Language.English : null;
    }
}
