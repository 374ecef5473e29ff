namespace InvoiceFirst.Bot.Conversations;

/// <summary>
/// A keyword with one typo ("invioce", "invoce", "remnd"): one letter missing, added, changed, or two letters
/// swapped. Only keywords of 5 letters or more: shorter ones are one typo away from ordinary words.
/// </summary>
public static class KeywordTypos
{
    private const int MinKeywordLength = 5;

    /// <summary>The one keyword <paramref name="token"/> is a typo of; false when none is, or when two are ("statu").</summary>
    public static bool TryCorrect(string token, out string keyword)
    {
        keyword = "";
        if (token.Length < MinKeywordLength - 1 || Keywords.TryCommand(token, out _, out _))
        {
            return false;
        }

        var matches = Keywords.CommandWords
            .Where(k => k.Length >= MinKeywordLength && IsOneEditApart(token.ToLowerInvariant(), k))
            .Distinct()
            .ToList();
        if (matches.Count != 1)
        {
            return false;
        }

        keyword = matches[0];
        return true;
    }

    // Optimal string alignment distance == 1, without building the whole matrix.
    internal static bool IsOneEditApart(string a, string b)
    {
        if (a == b || Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (a.Length == b.Length)
        {
            var substituted = a[(i + 1)..] == b[(i + 1)..];
            var swapped = i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..] == b[(i + 2)..];
            return substituted || swapped;
        }

        return a.Length > b.Length ? a[(i + 1)..] == b[i..] : a[i..] == b[(i + 1)..];
    }
}
