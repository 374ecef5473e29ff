using System.Globalization;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>
/// Amounts said in Kiswahili: a scale word and its count ("elfu mbili" 2,000, "elfu 2", "mia tano" 500,
/// "laki moja na elfu hamsini" 150,000, "elfu kumi na tano" 15,000). The scale comes first, as it is spoken.
/// </summary>
internal static class SwahiliNumber
{
    // The digits a scale word takes, as they are spoken: "mia 5" is 500, but "Mia 1500" is a name and an amount.
    private static readonly Dictionary<long, long> MaxDigitCount = new()
    {
        [100] = 9, [1_000] = 999, [100_000] = 9, [1_000_000] = 999,
    };

    private static readonly Dictionary<string, long> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["moja"] = 1, ["mbili"] = 2, ["tatu"] = 3, ["nne"] = 4, ["tano"] = 5,
        ["sita"] = 6, ["saba"] = 7, ["nane"] = 8, ["tisa"] = 9,
    };

    private static readonly Dictionary<string, long> Tens = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kumi"] = 10, ["ishirini"] = 20, ["thelathini"] = 30, ["arobaini"] = 40, ["arubaini"] = 40,
        ["hamsini"] = 50, ["sitini"] = 60, ["sabini"] = 70, ["themanini"] = 80, ["tisini"] = 90,
    };

    private static readonly Dictionary<string, long> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["mia"] = 100, ["elfu"] = 1_000, ["laki"] = 100_000, ["milioni"] = 1_000_000,
    };

    /// <summary>True for a word that can only be part of a Kiswahili amount ("elfu", "tano"...).</summary>
    public static bool IsNumberWord(string token) =>
        Units.ContainsKey(Clean(token)) || Tens.ContainsKey(Clean(token)) || Scales.ContainsKey(Clean(token));

    /// <summary>
    /// Reads an amount that starts with a scale word at <paramref name="start"/>. A bare "tano" or "kumi" is not
    /// read as an amount: on its own it is as likely part of a name or a description.
    /// </summary>
    public static bool TryRead(IReadOnlyList<string> tokens, int start, out long value, out int consumed)
    {
        value = 0;
        consumed = 0;
        if (start >= tokens.Count || !Scales.ContainsKey(Clean(tokens[start])))
        {
            return false;
        }

        var (total, next) = ReadNumber(tokens, start, long.MaxValue);
        if (next == start || total <= 0)
        {
            return false;
        }

        value = total;
        consumed = next - start;
        return true;
    }

    // number := group ("na"? group)*, each group a smaller scale than the one before it.
    private static (long Value, int Next) ReadNumber(IReadOnlyList<string> tokens, int i, long below)
    {
        long total = 0;
        var last = below;
        while (i < tokens.Count)
        {
            var at = i;
            if (total > 0 && Clean(tokens[at]).Equals("na", StringComparison.OrdinalIgnoreCase))
            {
                at++;
            }

            if (at >= tokens.Count)
            {
                break;
            }

            var word = Clean(tokens[at]);
            if (Scales.TryGetValue(word, out var scale) && scale < last)
            {
                var (count, after) = ReadCount(tokens, at + 1, scale);
                if (count == 0)
                {
                    break;
                }

                total = Saturating(total, scale, count);
                last = scale;
                i = after;
            }
            else if (Tens.TryGetValue(word, out var tens) && last > 10)
            {
                total += tens;
                last = 10;
                i = at + 1;
            }
            else if (Units.TryGetValue(word, out var unit) && last > 1)
            {
                total += unit;
                last = 1;
                i = at + 1;
            }
            else
            {
                break;
            }
        }

        return (total, i);
    }

    // The count after a scale word: digits ("elfu 2") or words below that scale ("elfu kumi na tano").
    private static (long Count, int Next) ReadCount(IReadOnlyList<string> tokens, int i, long scale)
    {
        if (i >= tokens.Count)
        {
            return (0, i);
        }

        var word = Clean(tokens[i]);
        if (word.Length is > 0 and <= 4 && word.All(char.IsAsciiDigit))
        {
            var count = long.Parse(word, CultureInfo.InvariantCulture);
            return count <= MaxDigitCount[scale] ? (count, i + 1) : (0, i);
        }

        return ReadNumber(tokens, i, scale);
    }

    // Nested scales ("milioni laki elfu ...") can exceed a long: such a value is only ever too large, never wrapped.
    private static long Saturating(long total, long scale, long count)
    {
        const long Ceiling = 1_000_000_000_000_000;
        return count > Ceiling / scale || total > Ceiling - (scale * count) ? Ceiling : total + (scale * count);
    }

    private static string Clean(string token) => token.TrimEnd(',', '.', '!', '?', ';', ':');
}
