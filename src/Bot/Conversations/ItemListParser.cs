using System.Globalization;
using System.Text.RegularExpressions;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>What reading a list of items came to: the items, or the first one that could not be read and why.</summary>
public sealed record ItemListResult(IReadOnlyList<ItemSpec> Items, bool HasExplicitPrice, string? BadItem, ItemProblem? Problem,
    AmountError? AmountError = null)
{
    public bool IsSuccess => BadItem is null;
}

public enum ItemProblem
{
    Empty,
    Name,
    Quantity,
    Amount,
}

/// <summary>
/// Items as merchants write them, separated by commas, semicolons or new lines: "2 cement @750, wheelbarrow 4500, delivery 300".
/// An item is a quantity and a unit price (<c>2 cement @750</c>, <c>2 x cement @ 750</c>, <c>cement 2x750</c>), a line total
/// (<c>wheelbarrow 4500</c>, <c>KES 4,500 wheelbarrow</c>), or a saved item's name with or without a count (<c>cement</c>,
/// <c>2x cement</c>, <c>2 cement</c>). Amounts follow <see cref="AmountParser"/> (KES, k, bob, Kiswahili words). Pure.
/// </summary>
public static partial class ItemListParser
{
    public static ItemListResult Parse(string text, long maxShillings = AmountParser.DefaultMaxShillings)
    {
        var items = new List<ItemSpec>();
        var anyExplicit = false;
        foreach (var segment in Separator().Split(text))
        {
            var trimmed = segment.Trim();
            if (trimmed.Length == 0) continue; // "a 100, b 200," or ",,": no item there

            var (spec, isExplicit, problem, amountError) = ParseOne(trimmed, maxShillings);
            if (spec is null) return new ItemListResult(items, anyExplicit, trimmed, problem, amountError);
            items.Add(spec);
            anyExplicit |= isExplicit;
        }

        return items.Count == 0
            ? new ItemListResult(items, false, "", ItemProblem.Empty)
            : new ItemListResult(items, anyExplicit, null, null);
    }

    /// <summary>How many items <paramref name="text"/> is split into (before they are read).</summary>
    public static int CountSegments(string text) => Separator().Split(text).Count(s => s.Trim().Length > 0);

    /// <summary>
    /// True when <paramref name="text"/> can only be meant as items, so a mistake in one is reported rather than read another
    /// way: an @ price, or several items that each have a number.
    /// </summary>
    public static bool IsClearlyItems(string text)
    {
        var segments = Separator().Split(text).Where(s => s.Trim().Length > 0).ToList();
        return text.Contains('@') || (segments.Count > 1 && segments.All(s => s.Any(char.IsAsciiDigit)));
    }

    private static (ItemSpec? Spec, bool Explicit, ItemProblem? Problem, AmountError? AmountError) ParseOne(string text, long max)
    {
        var at = text.IndexOf('@');
        if (at >= 0)
        {
            var unit = AmountParser.Parse(text[(at + 1)..], max);
            if (!unit.IsSuccess) return (null, true, ItemProblem.Amount, unit.Error);
            var (quantity, name) = LeadingQuantity(text[..at]);
            if (quantity is null && TrailingCount().Match(name.Trim()) is { Success: true } after)
                (quantity, name) = (Quantity(after.Groups["q"].Value), after.Groups["name"].Value);
            return Priced(name, quantity ?? 1, unit.Shillings, isExplicit: true);
        }

        var times = TrailingTimes().Match(text);
        if (times.Success)
        {
            var unit = AmountParser.Parse(times.Groups["unit"].Value, max);
            if (unit.IsSuccess)
                return Priced(times.Groups["name"].Value, Quantity(times.Groups["q"].Value), unit.Shillings, isExplicit: true);
        }

        var tokens = CommandParser.Tokens().Matches(text).Select(m => m.Value).ToArray();
        var (count, rest) = LeadingQuantity(text);
        var restTokens = CommandParser.Tokens().Matches(rest).Select(m => m.Value).ToArray();
        var explicitCount = count is not null && LeadingTimes().IsMatch(text);

        // A price at the end: "wheelbarrow 4500", "delivery KES 300", "2 cement 750" (2 × 750), "2x cement 750".
        for (var i = 1; i < restTokens.Length; i++)
        {
            var trailing = AmountParser.ReadAt(restTokens, i, max, out var consumed);
            if (consumed == 0 || i + consumed != restTokens.Length) continue;
            if (!trailing.IsSuccess) return (null, false, ItemProblem.Amount, trailing.Error);
            return Priced(string.Join(' ', restTokens[..i]), count ?? 1, trailing.Shillings, isExplicit: explicitCount);
        }

        if (explicitCount) return Named(rest, count!.Value);

        // A number first: "1500 Website design" is a line total; "2 cement" may be two of a saved item.
        var leading = AmountParser.ReadAt(tokens, 0, max, out var used);
        if (used > 0)
        {
            if (!leading.IsSuccess) return (null, false, ItemProblem.Amount, leading.Error);
            var name = string.Join(' ', tokens[used..]);
            if (used == 1 && PlainInteger().IsMatch(tokens[0]))
                return NameCheck(name) is { } problem ? (null, false, problem, null) : (new CountOrPriceItem(name.Trim(), leading.Shillings), false, null, null);
            return Priced(name, 1, leading.Shillings, isExplicit: false);
        }

        if (ChatWords.LooksNumeric(tokens[0])) return (null, false, ItemProblem.Amount, AmountError.NotANumber);
        return Named(text, 1);
    }

    private static (ItemSpec?, bool, ItemProblem?, AmountError?) Priced(string name, int quantity, long unit, bool isExplicit)
    {
        if (quantity is < 1 or > DraftItem.MaxQuantity) return (null, isExplicit, ItemProblem.Quantity, null);
        if (NameCheck(name) is { } problem) return (null, isExplicit, problem, null);
        return (new PricedItem(Clean(name), quantity, unit), isExplicit, null, null);
    }

    private static (ItemSpec?, bool, ItemProblem?, AmountError?) Named(string name, int quantity)
    {
        if (quantity is < 1 or > DraftItem.MaxQuantity) return (null, true, ItemProblem.Quantity, null);
        return NameCheck(name) is { } problem ? (null, false, problem, null) : (new CountedItem(Clean(name), quantity), quantity != 1, null, null);
    }

    private static ItemProblem? NameCheck(string name) => FieldRules.CheckItemName(Clean(name)).IsValid ? null : ItemProblem.Name;

    private static string Clean(string name) => Spaces().Replace(name.Trim().Trim('-', ':').Trim(), " ");

    /// <summary>"2 x cement", "2x cement", "x2 cement", "2 cement": the count and what follows; null when none is written.</summary>
    private static (int? Quantity, string Remainder) LeadingQuantity(string text)
    {
        var match = LeadingTimes().Match(text.Trim());
        if (match.Success) return (Quantity(match.Groups["q"].Value), match.Groups["rest"].Value);
        match = LeadingCount().Match(text.Trim());
        return match.Success ? (Quantity(match.Groups["q"].Value), match.Groups["rest"].Value) : (null, text);
    }

    private static int Quantity(string digits) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var q) ? q : int.MaxValue;

    // Commas separate items, except inside a number ("1,500", and "1,50", which the amount parser refuses).
    [GeneratedRegex(@"[;\n]|,(?![0-9])")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^(?:(?<q>[0-9]{1,4})\s*[xX×]|[xX×]\s*(?<q>[0-9]{1,4}))\s+(?<rest>\S.*)$|^(?<q>[0-9]{1,4})[xX×](?<rest>[^0-9\s].*)$")]
    private static partial Regex LeadingTimes();

    [GeneratedRegex(@"^(?<q>[0-9]{1,4})\s+(?<rest>[^0-9@\s].*)$")]
    private static partial Regex LeadingCount();

    [GeneratedRegex(@"^(?<name>.*?[^\s0-9].*?)\s+(?<q>[0-9]{1,4})\s*[xX×]\s*(?<unit>\S.*)$")]
    private static partial Regex TrailingTimes();

    // "saruji 2 @ 1000", "cement x2 @750".
    [GeneratedRegex(@"^(?<name>.*?[^\s0-9].*?)\s+(?:[xX×]\s*)?(?<q>[0-9]{1,4})\s*[xX×]?$")]
    private static partial Regex TrailingCount();

    [GeneratedRegex(@"^[0-9]+$")]
    private static partial Regex PlainInteger();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
