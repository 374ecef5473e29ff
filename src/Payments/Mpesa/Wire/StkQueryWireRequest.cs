using System.Text.Json.Serialization;

namespace InvoiceFirst.Payments.Mpesa.Wire;

// The official query sample sends BusinessShortCode as a string (unlike the push sample).
internal sealed class StkQueryWireRequest
{
    [JsonPropertyName("BusinessShortCode")] public required string BusinessShortCode { get; init; }
    [JsonPropertyName("Password")] public required string Password { get; init; }
    [JsonPropertyName("Timestamp")] public required string Timestamp { get; init; }
    [JsonPropertyName("CheckoutRequestID")] public required string CheckoutRequestId { get; init; }
}
