using System.Text.Json.Serialization;

namespace InvoiceFirst.Messaging.WhatsApp.Wire;

internal sealed record WaSendResponse([property: JsonPropertyName("messages")] IReadOnlyList<WaSentMessage>? Messages);

internal sealed record WaSentMessage(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("message_status")] string? MessageStatus);

internal sealed record WaErrorResponse([property: JsonPropertyName("error")] WaError? Error);

internal sealed record WaError(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("error_subcode")] int? ErrorSubcode,
    [property: JsonPropertyName("fbtrace_id")] string? FbTraceId);
