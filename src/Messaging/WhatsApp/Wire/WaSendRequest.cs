using System.Text.Json.Serialization;

namespace InvoiceFirst.Messaging.WhatsApp.Wire;

internal sealed record WaSendRequest
{
    [JsonPropertyName("messaging_product")] public string MessagingProduct { get; init; } = "whatsapp";
    [JsonPropertyName("recipient_type")] public string? RecipientType { get; init; }
    // A phone number goes in "to"; a business-scoped user id (usernames) in "recipient", with no "to".
    [JsonPropertyName("to")] public string? To { get; init; }
    [JsonPropertyName("recipient")] public string? Recipient { get; init; }
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("text")] public WaText? Text { get; init; }
    [JsonPropertyName("interactive")] public WaInteractive? Interactive { get; init; }
    [JsonPropertyName("template")] public WaTemplate? Template { get; init; }
    [JsonPropertyName("document")] public WaDocument? Document { get; init; }
}

/// <summary>A document message: the id of media uploaded to <c>/{phone-number-id}/media</c>.</summary>
internal sealed record WaDocument(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("filename")] string FileName,
    [property: JsonPropertyName("caption")] string Caption);

internal sealed record WaMediaResponse([property: JsonPropertyName("id")] string? Id);

internal sealed record WaText(
    [property: JsonPropertyName("preview_url")] bool PreviewUrl,
    [property: JsonPropertyName("body")] string Body);
