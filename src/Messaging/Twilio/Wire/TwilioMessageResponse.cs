using System.Text.Json.Serialization;

namespace InvoiceFirst.Messaging.Twilio.Wire;

/// <summary>The fields of the 201 Message resource we use, and the error body (same JSON object shape).</summary>
internal sealed record TwilioMessageResponse
{
    [JsonPropertyName("sid")] public string? Sid { get; init; }
    [JsonPropertyName("code")] public int? Code { get; init; }
    [JsonPropertyName("more_info")] public string? MoreInfo { get; init; }
}
