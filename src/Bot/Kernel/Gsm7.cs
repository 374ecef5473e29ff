using System.Text;

namespace InvoiceFirst.Bot.Kernel;

/// <summary>The GSM 03.38 alphabet: one character outside it turns an SMS into UCS-2 and cuts a segment to 70 characters.</summary>
public static class Gsm7
{
    public const int TwoSegmentSeptets = 306;

    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "^{}\\[~]|€\f";

    public static bool IsEncodable(string text) => text.All(c => Basic.Contains(c) || Extension.Contains(c));

    /// <summary>Extension characters cost two septets (escape + character).</summary>
    public static int Septets(string text) => text.Sum(c => Extension.Contains(c) ? 2 : 1);

    /// <summary>Drops what GSM-7 cannot carry (emoji, curly quotes become straight ones) and collapses the gaps.</summary>
    public static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u201C', '"').Replace('\u201D', '"'))
        {
            var keep = c is not ('\n' or '\r' or '\f') && (Basic.Contains(c) || Extension.Contains(c));
            builder.Append(keep ? c : ' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Cuts to at most <paramref name="septets"/>, marking the cut with "..." so the reader knows.</summary>
    public static string Truncate(string text, int septets)
    {
        if (Septets(text) <= septets)
        {
            return text;
        }

        if (septets < 4)
        {
            return "";
        }

        var builder = new StringBuilder();
        var used = 0;
        foreach (var c in text)
        {
            var cost = Extension.Contains(c) ? 2 : 1;
            if (used + cost > septets - 3)
            {
                break;
            }

            builder.Append(c);
            used += cost;
        }

        return builder.ToString().TrimEnd() + "...";
    }
}
