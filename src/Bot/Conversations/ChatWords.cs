using System.Text.RegularExpressions;
using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>The small words around an invoice in a sentence, English and Kiswahili, and how a phone is spotted.</summary>
internal static partial class ChatWords
{
    private const int MaxPhoneTokens = 4;

    // Joining words: "ankara ya 0712…", "to 0712… for 1500", "kwa 0712…". Never a customer's name.
    private static readonly HashSet<string> Fillers = new(StringComparer.OrdinalIgnoreCase)
    {
        "to", "for", "of", "ya", "kwa", "wa", "la", "cha", "za", "-", ":", "=",
    };

    // Words that say "send an invoice" in a sentence; they are not part of a name either.
    private static readonly HashSet<string> Intents = new(StringComparer.OrdinalIgnoreCase)
    {
        "send", "invoice", "inv", "ankara", "please", "pls", "plz", "kindly", "an", "a", "the", "me", "i", "want", "make",
        "create", "bill", "new", "tuma", "nitumie", "mtumie", "tumia", "kutuma", "nataka", "naomba", "tafadhali", "tengeneza",
        "na", "ni", "hii", "this", "my", "mteja", "customer",
    };

    public static bool IsFiller(string token) => Fillers.Contains(Clean(token));

    public static bool IsIntent(string token) => Intents.Contains(Clean(token));

    /// <summary>
    /// The longest run of tokens from <paramref name="start"/> that reads as one Kenyan mobile ("0712 345 678").
    /// </summary>
    public static bool TryPhoneAt(IReadOnlyList<string> tokens, int start, out int count, out string msisdn)
    {
        for (count = Math.Min(MaxPhoneTokens, tokens.Count - start); count >= 1; count--)
        {
            var joined = string.Concat(tokens.Skip(start).Take(count));
            if (MobileNumber.TryParseKenyan(joined, out var normalized))
            {
                msisdn = normalized;
                return true;
            }
        }

        count = 0;
        msisdn = "";
        return false;
    }

    /// <summary>
    /// A long number written like a phone (0…, +…, 254…) that is not a Kenyan mobile: refused as a phone rather
    /// than read as an amount far above the maximum.
    /// </summary>
    public static bool LooksLikePhone(string token) => PhoneShape().IsMatch(token);

    /// <summary>Digits, + or - at the start: meant as a number, not a name.</summary>
    public static bool LooksNumeric(string token) => NumericStart().IsMatch(token);

    public static string Clean(string token) => token.Trim().TrimEnd(',', '.', '!', '?', ';');

    [GeneratedRegex(@"^(?:\+|0|254)[0-9\-]{8,}$")]
    private static partial Regex PhoneShape();

    [GeneratedRegex(@"^\+?[0-9][0-9\-]*$")]
    private static partial Regex NumericStart();
}
