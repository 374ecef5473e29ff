using System.Text.Json.Serialization;

namespace InvoiceFirst.Payments.Mpesa.Wire;

internal sealed class OAuthTokenResponse
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    // The older portal sample sends "3599" as a string, the current one a number.
    [JsonPropertyName("expires_in")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long ExpiresIn { get; set; }
}
