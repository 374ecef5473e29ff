using System.Globalization;
using System.Text.RegularExpressions;

namespace InvoiceFirst.Bot.Conversations;

public enum AnswerKind
{
    None,
    Yes,
    No,
    Number,
}

/// <summary>How a message answers a question: Yes, No, a number from a list, or not at all. Pure.</summary>
public readonly partial record struct ChatAnswer(AnswerKind Kind, int Number = 0)
{
    public const string YesButton = "answer:yes";
    public const string NoButton = "answer:no";

    private static readonly HashSet<string> YesWords = new(StringComparer.OrdinalIgnoreCase)
    {
        YesButton, "yes", "y", "yeah", "yep", "ok", "okay", "sure", "send", "ndio", "ndiyo", "naam", "sawa", "tuma",
    };

    private static readonly HashSet<string> NoWords = new(StringComparer.OrdinalIgnoreCase)
    {
        NoButton, "no", "n", "nope", "cancel", "hapana", "la", "ghairi", "usitume",
    };

    public static ChatAnswer Parse(string? input)
    {
        var text = (input ?? "").Trim().TrimEnd('.', '!');
        if (YesWords.Contains(text)) return new ChatAnswer(AnswerKind.Yes);
        if (NoWords.Contains(text)) return new ChatAnswer(AnswerKind.No);
        var number = Numbered().Match(text);
        return number.Success ? new ChatAnswer(AnswerKind.Number, int.Parse(number.Groups["n"].Value, CultureInfo.InvariantCulture)) : default;
    }

    // "2", "2.", "#2", "no. 2", "namba 2": the ways people pick from a numbered list.
    [GeneratedRegex(@"^(?:#|no\.?\s*|namba\s+|number\s+)?(?<n>[1-9][0-9]?)[.)]?$", RegexOptions.IgnoreCase)]
    private static partial Regex Numbered();
}
