using System.Text.Json;
using System.Text.Json.Serialization;

namespace InvoiceFirst.Messaging.AfricasTalking.Wire;

internal sealed record AtSendResponse([property: JsonPropertyName("SMSMessageData")] AtMessageData? SmsMessageData);

internal sealed record AtMessageData(
    [property: JsonPropertyName("Message")] string? Message,
    [property: JsonPropertyName("Recipients")] IReadOnlyList<AtRecipient>? Recipients);

internal sealed record AtRecipient(
    // Number in every sample; read as JsonElement so a quoted code is tolerated too.
    [property: JsonPropertyName("statusCode")] JsonElement StatusCode,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("messageId")] string? MessageId);
