using System.Text.Json.Serialization;

namespace InvoiceFirst.Payments.Mpesa.Wire;

internal sealed class StkPushWireResponse
{
    [JsonPropertyName("MerchantRequestID")] public string? MerchantRequestId { get; set; }
    [JsonPropertyName("CheckoutRequestID")] public string? CheckoutRequestId { get; set; }
    [JsonPropertyName("ResponseCode")] public string? ResponseCode { get; set; }
    [JsonPropertyName("ResponseDescription")] public string? ResponseDescription { get; set; }
    [JsonPropertyName("CustomerMessage")] public string? CustomerMessage { get; set; }
}
