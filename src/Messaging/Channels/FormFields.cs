using Microsoft.AspNetCore.Http;

namespace InvoiceFirst.Messaging.Channels;

/// <summary>Form bodies as plain key/value pairs, so the parsers do not depend on ASP.NET request types.</summary>
public static class FormFields
{
    /// <summary>Repeated keys are joined with commas, as <c>StringValues.ToString()</c> does.</summary>
    public static IReadOnlyDictionary<string, string> From(IFormCollection form) =>
        form.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> From(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs) result[key] = value;
        return result;
    }

    internal static string? Get(this IReadOnlyDictionary<string, string> form, string key) =>
        form.TryGetValue(key, out var v) && !string.IsNullOrEmpty(v) ? v : null;

    internal static string Required(this IReadOnlyDictionary<string, string> form, string key, string provider) =>
        form.Get(key) ?? throw new WebhookFormatException($"{provider} callback has no '{key}' field");
}
