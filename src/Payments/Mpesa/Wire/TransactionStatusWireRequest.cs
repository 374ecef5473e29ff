using System.Text.Json.Serialization;

namespace InvoiceFirst.Payments.Mpesa.Wire;

// Spec 4.7. This API spells Occasion with one "s" (B2C and Reversal use Occassion).
internal sealed class TransactionStatusWireRequest
{
    [JsonPropertyName("Initiator")] public required string Initiator { get; init; }
    [JsonPropertyName("SecurityCredential")] public required string SecurityCredential { get; init; }
    [JsonPropertyName("CommandID")] public string CommandId { get; init; } = "TransactionStatusQuery";
    [JsonPropertyName("TransactionID")] public required string TransactionId { get; init; }
    [JsonPropertyName("OriginalConversationID")] public string OriginalConversationId { get; init; } = "";
    [JsonPropertyName("PartyA")] public required string PartyA { get; init; }

    // 4 = organisation shortcode.
    [JsonPropertyName("IdentifierType")] public string IdentifierType { get; init; } = "4";
    [JsonPropertyName("ResultURL")] public required string ResultUrl { get; init; }
    [JsonPropertyName("QueueTimeOutURL")] public required string QueueTimeOutUrl { get; init; }
    [JsonPropertyName("Remarks")] public string Remarks { get; init; } = "Verify payment";
    [JsonPropertyName("Occasion")] public string Occasion { get; init; } = "";
}
