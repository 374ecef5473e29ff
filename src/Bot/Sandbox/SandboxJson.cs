using System.Text.Json;

namespace InvoiceFirst.Bot.Sandbox;

/// <summary>Reads a Daraja-shaped request body without throwing: null for anything that is not a JSON object.</summary>
internal static class SandboxJson
{
    public static async Task<JsonElement?> ReadAsync(HttpRequest request)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 16 }, request.HttpContext.RequestAborted);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A field's text whether Daraja's caller sent it as a string or a number; null when absent or another type.</summary>
    public static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
