using System.Text.Json;
using InvoiceFirst.Payments.Mpesa.Wire;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>
/// The <c>{"Result": {…}}</c> body Daraja posts for its asynchronous APIs (Transaction Status, B2C), read leniently:
/// codes and values as strings or numbers, <c>ResultParameter</c> as a list or one object, a repeated key's first value
/// kept (DebitPartyName appears twice in real results).
/// </summary>
internal static class DarajaResultBody
{
    /// <summary>What <paramref name="map"/> makes of the result; null when the body is not a result with a code.</summary>
    public static T? Read<T>(string raw, Func<JsonElement, string, IReadOnlyDictionary<string, string>, T> map) where T : class
    {
        try
        {
            using var document = JsonDocument.Parse(raw, new JsonDocumentOptions { MaxDepth = 16 });
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("Result", out var result) || result.ValueKind != JsonValueKind.Object)
                return null;
            var code = DarajaJson.Text(result, "ResultCode");
            return string.IsNullOrWhiteSpace(code) ? null : map(result, code, Parameters(result));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> Parameters(JsonElement result)
    {
        var found = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!result.TryGetProperty("ResultParameters", out var holder) || holder.ValueKind != JsonValueKind.Object
            || !holder.TryGetProperty("ResultParameter", out var list))
            return found;
        var items = list.ValueKind switch
        {
            JsonValueKind.Array => list.EnumerateArray().ToList(),
            JsonValueKind.Object => [list],
            _ => [],
        };
        foreach (var item in items.Where(i => i.ValueKind == JsonValueKind.Object))
            if (DarajaJson.Text(item, "Key") is { } key && DarajaJson.Text(item, "Value") is { } value) found.TryAdd(key, value);
        return found;
    }
}
