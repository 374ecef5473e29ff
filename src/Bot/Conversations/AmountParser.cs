using System.Text.RegularExpressions;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>Amounts as merchants write them, to whole shillings (M-PESA takes no cents).</summary>
public static partial class AmountParser
{
    public const long DefaultMaxShillings = 1_000_000;

    // Above this many integer digits the value cannot fit a long after the k multiplier.
    private const int MaxIntegerDigits = 15;

    public static AmountParseResult Parse(string? input, long maxShillings = DefaultMaxShillings)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return AmountParseResult.Fail(AmountError.NotANumber);
        }

        var text = Currency().Replace(input.Trim(), "");
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

        var thousands = match.Groups["k"].Success;
        var integer = match.Groups["int"].Value.Replace(",", "").TrimStart('0');
        var fraction = match.Groups["frac"].Value.TrimEnd('0');

        if (integer.Length > MaxIntegerDigits)
        {
            return AmountParseResult.Fail(negative ? AmountError.ZeroOrNegative : AmountError.TooLarge);
        }

        if (fraction.Length > (thousands ? 3 : 0))
        {
            return AmountParseResult.Fail(negative ? AmountError.ZeroOrNegative : AmountError.HasCents);
        }

        var shillings = integer.Length == 0 ? 0 : long.Parse(integer, System.Globalization.CultureInfo.InvariantCulture);
        if (thousands)
        {
            var padded = fraction.PadRight(3, '0');
            shillings = (shillings * 1000) + long.Parse(padded, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (negative || shillings == 0)
        {
            return AmountParseResult.Fail(AmountError.ZeroOrNegative);
        }

        return shillings > maxShillings
            ? AmountParseResult.Fail(AmountError.TooLarge)
            : AmountParseResult.Ok(shillings);
    }

    /// <summary>True for the currency words that may stand alone before the number ("KES 1500").</summary>
    public static bool IsCurrencyWord(string token) => token.Length > 0 && Currency().Replace(token, "").Length == 0;

    [GeneratedRegex(@"^(?:kshs|ksh|kes|shs|sh)\.?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Currency();

    [GeneratedRegex(@"\s*/[-=]$")]
    private static partial Regex Suffix();

    [GeneratedRegex(@"^[0-9][0-9,]*(?:\.[0-9]+)?[eE][+-]?[0-9]+$")]
    private static partial Regex Exponent();

    [GeneratedRegex(@"^(?<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?<frac>[0-9]+))?(?<k>[kK])?$")]
    private static partial Regex Number();
}
