using System.Text.Json.Serialization;

namespace InvoiceFirst.Payments.Mpesa.Wire;

// The synchronous answer of the asynchronous APIs (Transaction Status, Register URL). Register URL
// spells it "OriginatorCoversationID" (sic).
internal sealed class DarajaAckWireResponse
{
    [JsonPropertyName("OriginatorConversationID")] public string? OriginatorConversationId { get; set; }
    [JsonPropertyName("OriginatorCoversationID")] public string? OriginatorCoversationId { get; set; }
    [JsonPropertyName("ConversationID")] public string? ConversationId { get; set; }
    [JsonPropertyName("ResponseCode")] public string? ResponseCode { get; set; }
    [JsonPropertyName("ResponseDescription")] public string? ResponseDescription { get; set; }
}
