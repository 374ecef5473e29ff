namespace InvoiceFirst.Data.Database;

/// <summary>
/// What a search box's text is matched by in SQL: <see cref="Like"/> against text columns (lower-cased, wildcards the
/// person typed removed), and <see cref="Digits"/> against stored phones, where 07… typed the Kenyan way is 2547….
/// Both null when nothing was typed: no filter.
/// </summary>
public readonly record struct SearchPattern(string? Like, string? Digits)
{
    public static SearchPattern Of(string? text)
    {
        var typed = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(typed)) return default;
        var like = "%" + typed.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
        var digits = typed.All(char.IsAsciiDigit) ? "%" + (typed.StartsWith('0') ? "254" + typed[1..] : typed) + "%" : like;
        return new SearchPattern(like, digits);
    }
}
