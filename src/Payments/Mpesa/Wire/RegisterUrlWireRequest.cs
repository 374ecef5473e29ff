using System.Text.Json.Serialization;

namespace InvoiceFirst.Payments.Mpesa.Wire;

// Spec 4.8, C2B Register URL v2.
internal sealed class RegisterUrlWireRequest
{
    [JsonPropertyName("ShortCode")] public required string ShortCode { get; init; }
    [JsonPropertyName("ResponseType")] public required string ResponseType { get; init; }
    [JsonPropertyName("ConfirmationURL")] public required string ConfirmationUrl { get; init; }
    [JsonPropertyName("ValidationURL")] public required string ValidationUrl { get; init; }
}
