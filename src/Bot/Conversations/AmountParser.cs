using System.Globalization;
using System.Text.RegularExpressions;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>Amounts as merchants write them, to whole shillings (M-PESA takes no cents).</summary>
public static partial class AmountParser
{
    public const long DefaultMaxShillings = 1_000_000;

    // Above this many integer digits the value cannot fit a long after the m multiplier.
    private const int MaxIntegerDigits = 12;

    /// <summary>The whole of <paramref name="input"/> as one amount ("1500", "KES 1,500", "500 bob", "elfu mbili").</summary>
    public static AmountParseResult Parse(string? input, long maxShillings = DefaultMaxShillings)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return AmountParseResult.Fail(AmountError.NotANumber);
        }

        var tokens = CommandParser.Tokens().Matches(input).Select(m => m.Value).ToArray();
        var read = ReadAt(tokens, 0, maxShillings, out var consumed);
        // A refusal of what the first tokens spell ("1500.50 for logo") is worth more than "not a number".
        if (consumed == tokens.Length || (consumed > 0 && read.Error is { } error && error != AmountError.NotANumber))
        {
            return read;
        }

        // Spellings that span tokens in other ways ("- 5", "sh. 1,500") are read as one string.
        return ParseToken(input.Trim(), maxShillings);
    }

    /// <summary>
    /// The amount that starts at <paramref name="tokens"/>[<paramref name="start"/>], which may span several tokens
    /// ("KES 1500", "500 bob", "elfu mbili mia tano"). <paramref name="consumed"/> is 0 when nothing there reads as an amount.
    /// </summary>
    public static AmountParseResult ReadAt(IReadOnlyList<string> tokens, int start, long maxShillings, out int consumed)
    {
        consumed = 0;
        if (start >= tokens.Count)
        {
            return AmountParseResult.Fail(AmountError.NotANumber);
        }

        var at = start;
        var prefixed = IsCurrencyWord(tokens[at]) && at + 1 < tokens.Count;
        if (prefixed)
        {
            at++;
        }

        AmountParseResult result;
        int length;
        if (SwahiliNumber.TryRead(tokens, at, out var words, out length))
        {
            result = words > maxShillings ? AmountParseResult.Fail(AmountError.TooLarge) : AmountParseResult.Ok(words);
        }
        else
        {
            result = ParseToken(tokens[at], maxShillings);
            length = result.Error is AmountError.NotANumber ? 0 : 1;
        }

        if (length == 0)
        {
            return AmountParseResult.Fail(AmountError.NotANumber);
        }

        at += length;
        if (!prefixed && at < tokens.Count && IsSuffixWord(tokens[at]))
        {
            at++;
        }

        consumed = at - start;
        return result;
    }

    /// <summary>True for the currency words that may stand alone before the number ("KES 1500").</summary>
    public static bool IsCurrencyWord(string token) =>
        token.Length > 0 && (Currency().Replace(token, "").Length == 0 || token.Equals("shilingi", StringComparison.OrdinalIgnoreCase));

    /// <summary>True for the words that may stand alone after the number ("500 bob", "1500 /-").</summary>
    public static bool IsSuffixWord(string token) => SuffixWord().IsMatch(token);

    private static AmountParseResult ParseToken(string input, long maxShillings)
    {
        var text = Currency().Replace(input, "");
        text = Suffix().Replace(text, "").Trim();

        var negative = text.StartsWith('-');
        if (negative)
        {
            text = text[1..].TrimStart();
        }

        if (Exponent().IsMatch(text))
        {
            return AmountParseResult.Fail(AmountError.Exponent);
        }

        var match = Number().Match(text);
        if (!match.Success)
        {
            return AmountParseResult.Fail(AmountError.NotANumber);
        }

        var multiplier = match.Groups["mult"].Value.ToLowerInvariant() switch
        {
            "k" => 3,
            "m" => 6,
            _ => 0,
        };
        var integer = match.Groups["int"].Value.Replace(",", "").TrimStart('0');
        var fraction = match.Groups["frac"].Value.TrimEnd('0');

        if (integer.Length > MaxIntegerDigits)
        {
            return AmountParseResult.Fail(negative ? AmountError.ZeroOrNegative : AmountError.TooLarge);
        }

        if (fraction.Length > multiplier)
        {
            return AmountParseResult.Fail(negative ? AmountError.ZeroOrNegative : AmountError.HasCents);
        }

        // "1.25k" is 1 and 250 thousandths of a thousand: the digits shift, nothing is rounded.
        var digits = integer + fraction.PadRight(multiplier, '0');
        var shillings = digits.TrimStart('0').Length == 0 ? 0 : long.Parse(digits, CultureInfo.InvariantCulture);

        if (negative || shillings == 0)
        {
            return AmountParseResult.Fail(AmountError.ZeroOrNegative);
        }

        return shillings > maxShillings
            ? AmountParseResult.Fail(AmountError.TooLarge)
            : AmountParseResult.Ok(shillings);
    }

    [GeneratedRegex(@"^(?:kshs|ksh|kes|shs|sh)\.?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Currency();

    // Written straight after the number: "1500/-", "1500ksh", "500bob", "2,500 kes".
    [GeneratedRegex(@"\s*(?:/[-=]|kshs|ksh|kes|shs|sh|bob|shillings?|shilingi)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex Suffix();

    [GeneratedRegex(@"^(?:/[-=]|kshs|ksh|kes|shs|sh|bob|shillings?|shilingi)[,.!]?$", RegexOptions.IgnoreCase)]
    private static partial Regex SuffixWord();

    [GeneratedRegex(@"^[0-9][0-9,]*(?:\.[0-9]+)?[eE][+-]?[0-9]+$")]
    private static partial Regex Exponent();

    [GeneratedRegex(@"^(?<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?<frac>[0-9]+))?(?<mult>[kKmM])?$")]
    private static partial Regex Number();
}
