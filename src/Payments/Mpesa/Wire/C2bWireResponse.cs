using System.Text.Json.Serialization;

namespace InvoiceFirst.Payments.Mpesa.Wire;

internal sealed class C2bWireResponse
{
    [JsonPropertyName("ResultCode")] public required string ResultCode { get; init; }
    [JsonPropertyName("ResultDesc")] public required string ResultDesc { get; init; }
}
