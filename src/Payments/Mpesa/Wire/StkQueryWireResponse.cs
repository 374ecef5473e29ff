using System.Text.Json.Serialization;

namespace InvoiceFirst.Payments.Mpesa.Wire;

internal sealed class StkQueryWireResponse
{
    [JsonPropertyName("ResponseCode")] public string? ResponseCode { get; set; }
    [JsonPropertyName("ResponseDescription")] public string? ResponseDescription { get; set; }
    [JsonPropertyName("MerchantRequestID")] public string? MerchantRequestId { get; set; }
    [JsonPropertyName("CheckoutRequestID")] public string? CheckoutRequestId { get; set; }

    // A string here, unlike the callback's number; accept either.
    [JsonPropertyName("ResultCode")] public string? ResultCode { get; set; }
    [JsonPropertyName("ResultDesc")] public string? ResultDesc { get; set; }
}
