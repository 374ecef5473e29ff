using System.Text.Json.Serialization;

namespace InvoiceFirst.Messaging.WhatsApp.Wire;

internal sealed record WaInteractive(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("header")] WaHeader? Header,
    [property: JsonPropertyName("body")] WaBodyText Body,
    [property: JsonPropertyName("footer")] WaBodyText? Footer,
    [property: JsonPropertyName("action")] WaAction Action);

internal sealed record WaHeader(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("text")] string Text);

internal sealed record WaBodyText([property: JsonPropertyName("text")] string Text);

internal sealed record WaAction([property: JsonPropertyName("buttons")] IReadOnlyList<WaButton> Buttons);

internal sealed record WaButton(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("reply")] WaReply Reply);

internal sealed record WaReply(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title);
