namespace InvoiceFirst.Bot.Conversations;

/// <summary>Greetings, thanks and "menu" in English and Kiswahili, with the language they were said in.</summary>
internal static class GreetingParser
{
    private const int MaxWords = 4;

    private static readonly Dictionary<string, (GreetingKind Kind, Language? Language)> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hi"] = (GreetingKind.Hello, Language.English),
        ["hello"] = (GreetingKind.Hello, Language.English),
        ["helo"] = (GreetingKind.Hello, Language.English),
        ["hey"] = (GreetingKind.Hello, Language.English),
        ["hallo"] = (GreetingKind.Hello, Language.English),
        ["good"] = (GreetingKind.Hello, Language.English),
        ["morning"] = (GreetingKind.Hello, Language.English),
        ["start"] = (GreetingKind.Menu, Language.English),
        ["menu"] = (GreetingKind.Menu, Language.English),
        ["thanks"] = (GreetingKind.Thanks, Language.English),
        ["thank"] = (GreetingKind.Thanks, Language.English),
        ["thx"] = (GreetingKind.Thanks, Language.English),
        ["habari"] = (GreetingKind.Hello, Language.Swahili),
        ["mambo"] = (GreetingKind.Hello, Language.Swahili),
        ["niaje"] = (GreetingKind.Hello, Language.Swahili),
        ["sasa"] = (GreetingKind.Hello, Language.Swahili),
        ["vipi"] = (GreetingKind.Hello, Language.Swahili),
        ["jambo"] = (GreetingKind.Hello, Language.Swahili),
        ["hujambo"] = (GreetingKind.Hello, Language.Swahili),
        ["salama"] = (GreetingKind.Hello, Language.Swahili),
        ["shikamoo"] = (GreetingKind.Hello, Language.Swahili),
        ["menyu"] = (GreetingKind.Menu, Language.Swahili),
        ["asante"] = (GreetingKind.Thanks, Language.Swahili),
        ["asanti"] = (GreetingKind.Thanks, Language.Swahili),
        ["ahsante"] = (GreetingKind.Thanks, Language.Swahili),
    };

    public static GreetingCommand? TryParse(IReadOnlyList<string> tokens)
    {
        if (tokens.Count == 1 && tokens[0].Trim('?', '!', '.') is "")
        {
            return tokens[0].Contains('?') ? new GreetingCommand(GreetingKind.Menu) : null;
        }

        if (tokens.Count is 0 or > MaxWords || tokens.Any(t => t.Any(char.IsAsciiDigit)))
        {
            return null;
        }

        var first = ChatWords.Clean(tokens[0]).TrimEnd('?');
        if (first.Equals("ok", StringComparison.OrdinalIgnoreCase) && tokens.Count > 1)
        {
            first = ChatWords.Clean(tokens[1]);
        }

        if (!Words.TryGetValue(first, out var found))
        {
            return null;
        }

        return new GreetingCommand(found.Kind) { DetectedLanguage = found.Language };
    }
}
