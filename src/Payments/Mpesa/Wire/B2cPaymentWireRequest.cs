using System.Text.Json.Serialization;

namespace InvoiceFirst.Payments.Mpesa.Wire;

// Spec 4.12. InitiatorName here (Transaction Status says Initiator); Occassion with a double "s" on this API only.
internal sealed class B2cPaymentWireRequest
{
    [JsonPropertyName("OriginatorConversationID")] public required string OriginatorConversationId { get; init; }
    [JsonPropertyName("InitiatorName")] public required string InitiatorName { get; init; }
    [JsonPropertyName("SecurityCredential")] public required string SecurityCredential { get; init; }
    [JsonPropertyName("CommandID")] public string CommandId { get; init; } = "BusinessPayment";
    [JsonPropertyName("Amount")] public required string Amount { get; init; }
    [JsonPropertyName("PartyA")] public required string PartyA { get; init; }
    [JsonPropertyName("PartyB")] public required string PartyB { get; init; }
    [JsonPropertyName("Remarks")] public required string Remarks { get; init; }
    [JsonPropertyName("QueueTimeOutURL")] public required string QueueTimeOutUrl { get; init; }
    [JsonPropertyName("ResultURL")] public required string ResultUrl { get; init; }
    [JsonPropertyName("Occassion")] public string Occassion { get; init; } = "payout";
}
