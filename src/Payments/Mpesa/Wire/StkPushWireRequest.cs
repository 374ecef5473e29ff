using System.Text.Json.Serialization;

namespace InvoiceFirst.Payments.Mpesa.Wire;

// Types mirror the official sample: BusinessShortCode a number, the other numerics strings.
internal sealed class StkPushWireRequest
{
    [JsonPropertyName("BusinessShortCode")] public long BusinessShortCode { get; init; }
    [JsonPropertyName("Password")] public required string Password { get; init; }
    [JsonPropertyName("Timestamp")] public required string Timestamp { get; init; }
    [JsonPropertyName("TransactionType")] public required string TransactionType { get; init; }
    [JsonPropertyName("Amount")] public required string Amount { get; init; }
    [JsonPropertyName("PartyA")] public required string PartyA { get; init; }
    [JsonPropertyName("PartyB")] public required string PartyB { get; init; }
    [JsonPropertyName("PhoneNumber")] public required string PhoneNumber { get; init; }
    [JsonPropertyName("CallBackURL")] public required string CallBackUrl { get; init; }
    [JsonPropertyName("AccountReference")] public required string AccountReference { get; init; }
    [JsonPropertyName("TransactionDesc")] public required string TransactionDesc { get; init; }
}
