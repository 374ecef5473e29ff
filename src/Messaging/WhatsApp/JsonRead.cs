using System.Globalization;
using System.Text.Json;

namespace InvoiceFirst.Messaging.WhatsApp;

/// <summary>Lenient reads: a missing or wrongly typed optional field is absent, not an error.</summary>
internal static class JsonRead
{
    public static JsonElement? Obj(JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object
            ? v
            : null;

    public static IEnumerable<JsonElement> Array(JsonElement? e, string name)
    {
        if (e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v)
            && v.ValueKind == JsonValueKind.Array)
            return v.EnumerateArray();
        return [];
    }

    public static string? Str(JsonElement? e, string name)
    {
        if (e is not { ValueKind: JsonValueKind.Object } o || !o.TryGetProperty(name, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        };
    }

    public static DateTimeOffset? UnixSeconds(string? value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
        && s is >= 0 and < 253402300800
            ? DateTimeOffset.FromUnixTimeSeconds(s)
            : null;
}
