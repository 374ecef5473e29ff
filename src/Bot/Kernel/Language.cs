namespace InvoiceFirst.Bot.Kernel;

/// <summary>The language a participant reads replies in: "en" (default) or "sw".</summary>
public readonly record struct Language
{
    public static readonly Language English = new("en");
    public static readonly Language Swahili = new("sw");

    private Language(string code) => Code = code;

    public string Code { get; }

    public bool IsSwahili => Code == Swahili.Code;

    /// <summary>Unknown or missing codes fall back to English rather than failing a reply.</summary>
    public static Language FromCode(string? code) =>
        string.Equals(code, Swahili.Code, StringComparison.OrdinalIgnoreCase) ? Swahili : English;

    /// <summary>Accepts what a merchant types after <c>lang</c>/<c>lugha</c>.</summary>
    public static bool TryParse(string? input, out Language language) => Words.TryGetValue(input?.Trim() ?? "", out language);

    /// <summary>The text in this language: every two-language text is chosen here.</summary>
    public string Pick(string english, string swahili) => IsSwahili ? swahili : english;

    private static readonly Dictionary<string, Language> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = English,
        ["english"] = English,
        ["kiingereza"] = English,
        ["sw"] = Swahili,
        ["swahili"] = Swahili,
        ["kiswahili"] = Swahili,
    };

    public override string ToString() => Code ?? English.Code;
}
