using System.Text.Json;

namespace InvoiceFirst.Payments.Mpesa.Wire;

internal static class DarajaJson
{
    // Daraja and the aggregators in front of it send the same field as a string in one body and a
    // number in another: every string property of a wire type reads either.
    public static readonly JsonSerializerOptions Options = new() { MaxDepth = 16, Converters = { new StringOrNumberConverter() } };

    /// <summary>A property's text, whether Daraja sent a string or a number; null when absent or of another type.</summary>
    public static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? Scalar(value) : null;

    // Numbers keep their exact digits (TransactionDate, PhoneNumber would lose them as double).
    public static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()?.Trim(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    /// <summary>Deserializes a Daraja body, returning null instead of throwing on anything unexpected.</summary>
    public static T? TryRead<T>(string? content) where T : class
    {
        if (string.IsNullOrWhiteSpace(content)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(content, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
