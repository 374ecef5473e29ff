using System.Text;

namespace InvoiceFirst.Bot.Sandbox;

/// <summary>How the sandbox's Safaricom stand-in calls the bot back, and only the bot.</summary>
public static class SandboxCallbacks
{
    /// <summary>
    /// Anyone can reach the stand-in, and it POSTs to the URL it was given: only the bot's own path under
    /// <paramref name="prefix"/> with a token after it is taken, so it cannot be made to call another host.
    /// </summary>
    public static bool IsOwnUrl(string url, string prefix) =>
        url.StartsWith(prefix, StringComparison.Ordinal) && url.Length > prefix.Length
        && url[prefix.Length..].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static async Task PostAsync(IHttpClientFactory http, string url, string body, string what, ILogger logger, CancellationToken ct)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        try
        {
            using var response = await http.CreateClient(SandboxMpesa.HttpClientName).PostAsync(url, content, ct);
            logger.LogInformation("Sandbox M-PESA delivered a {What} ({Status})", what, (int)response.StatusCode);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("Sandbox M-PESA could not deliver a {What}: {Error}. Is App:PublicBaseUrl this server?", what, ex.Message);
        }
    }
}
