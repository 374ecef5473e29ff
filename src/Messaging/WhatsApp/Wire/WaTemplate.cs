using System.Text.Json.Serialization;

namespace InvoiceFirst.Messaging.WhatsApp.Wire;

internal sealed record WaTemplate(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("language")] WaLanguage Language,
    [property: JsonPropertyName("components")] IReadOnlyList<WaComponent> Components);

internal sealed record WaLanguage([property: JsonPropertyName("code")] string Code);

internal sealed record WaComponent
{
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("sub_type")] public string? SubType { get; init; }
    [JsonPropertyName("index")] public string? Index { get; init; }
    [JsonPropertyName("parameters")] public required IReadOnlyList<WaParameter> Parameters { get; init; }
}

internal sealed record WaParameter
{
    [JsonPropertyName("type")] public required string Type { get; init; }
    [JsonPropertyName("text")] public string? Text { get; init; }
    [JsonPropertyName("payload")] public string? Payload { get; init; }
}
