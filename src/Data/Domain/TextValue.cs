using System.Diagnostics.CodeAnalysis;

namespace InvoiceFirst.Data.Domain;

/// <summary>Parsing shared by every <see cref="ITextValue{TSelf}"/>: exact, ordinal, and unknown text refused.</summary>
public static class TextValue
{
    public static T Parse<T>(string text) where T : struct, ITextValue<T> =>
        TryParse<T>(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a known {typeof(T).Name}; known: {string.Join(", ", T.All.Select(v => v.Value))}.");

    public static bool TryParse<T>([NotNullWhen(true)] string? text, out T value) where T : struct, ITextValue<T>
    {
        foreach (var known in T.All)
        {
            if (string.Equals(known.Value, text, StringComparison.Ordinal))
            {
                value = known;
                return true;
            }
        }
        value = default;
        return false;
    }
}
