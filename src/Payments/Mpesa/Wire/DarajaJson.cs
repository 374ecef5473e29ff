using System.Text.Json;

namespace InvoiceFirst.Payments.Mpesa.Wire;

internal static class DarajaJson
{
    // Daraja and the aggregators in front of it send the same field as a string in one body and a
    // number in another: every string property of a wire type reads either.
    public static readonly JsonSerializerOptions Options = new() { MaxDepth = 16, Converters = { new StringOrNumberConverter() } };

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
