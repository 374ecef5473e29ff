using System.Text.Json.Serialization;

namespace InvoiceFirst.Payments.Mpesa.Wire;

internal sealed class DarajaErrorResponse
{
    [JsonPropertyName("requestId")]
    public string? RequestId { get; set; }

    [JsonPropertyName("errorCode")]
    public string? ErrorCode { get; set; }

    [JsonPropertyName("errorMessage")]
    public string? ErrorMessage { get; set; }
}
