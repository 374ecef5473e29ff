using InvoiceFirst.Messaging.AfricasTalking;
using Microsoft.Extensions.Configuration;

namespace InvoiceFirst.Bot.Hosting;

public enum AppMode
{
    Sandbox,
    Live,
}

/// <summary>
/// Decides the mode and, in Live mode, which settings are missing. Live mode with a missing
/// secret must not start: it would take webhooks it cannot verify or payments it cannot make.
/// </summary>
public static class AppModeResolver
{
    /// <summary>Settings a Live deployment cannot run without.</summary>
    public static readonly string[] LiveRequiredKeys =
    [
        "App:PublicBaseUrl",
        "Api:Key",
        "WhatsApp:PhoneNumberId",
        "WhatsApp:AccessToken",
        "WhatsApp:VerifyToken",
        "WhatsApp:AppSecret",
        "Mpesa:ConsumerKey",
        "Mpesa:ConsumerSecret",
        "Mpesa:ShortCode",
        "Mpesa:Passkey",
    ];

    private static readonly string[] CredentialKeys =
    [
        "WhatsApp:AccessToken", "WhatsApp:AppSecret", "Mpesa:ConsumerKey", "Mpesa:Passkey",
        "AfricasTalking:ApiKey", "Twilio:AuthToken",
    ];

    public static AppMode Resolve(IConfiguration configuration)
    {
        var mode = configuration["App:Mode"];
        if (!string.IsNullOrWhiteSpace(mode))
        {
            return Enum.TryParse<AppMode>(mode, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"App:Mode must be Live or Sandbox, not '{mode}'");
        }
        return CredentialKeys.Any(k => !string.IsNullOrWhiteSpace(configuration[k])) ? AppMode.Live : AppMode.Sandbox;
    }

    public static IReadOnlyList<string> MissingLiveSettings(IConfiguration configuration) =>
    [
        .. LiveRequiredKeys.Where(k => string.IsNullOrWhiteSpace(configuration[k])),
        .. MissingAfricasTalkingCallbackToken(configuration),
        .. MissingC2bSettings(configuration),
    ];

    /// <summary>Africa's Talking signs nothing: once it is configured, the URL token is all that stops a forged SMS.</summary>
    private static IEnumerable<string> MissingAfricasTalkingCallbackToken(IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration["AfricasTalking:ApiKey"])
            && (configuration["AfricasTalking:CallbackToken"]?.Length ?? 0) < Webhooks.RouteSecretFilter.MinimumLength)
            yield return $"AfricasTalking:CallbackToken (at least {Webhooks.RouteSecretFilter.MinimumLength} characters)";
    }

    // Paybill/Till payments are verified with Transaction Status, which needs an initiator and Safaricom's certificate.
    private static IEnumerable<string> MissingC2bSettings(IConfiguration configuration)
    {
        if (!bool.TryParse(configuration["Mpesa:C2bEnabled"], out var enabled) || !enabled) yield break;
        if ((configuration["Mpesa:C2bUrlToken"] ?? "").Length < Webhooks.RouteSecretFilter.MinimumLength)
            yield return "Mpesa:C2bUrlToken (at least 32 random characters)";
        if (string.IsNullOrWhiteSpace(configuration["Mpesa:InitiatorName"])) yield return "Mpesa:InitiatorName";
        if (string.IsNullOrWhiteSpace(configuration["Mpesa:InitiatorPassword"])) yield return "Mpesa:InitiatorPassword";
        if (string.IsNullOrWhiteSpace(configuration["Mpesa:Certificate"]) && string.IsNullOrWhiteSpace(configuration["Mpesa:CertificatePath"]))
            yield return "Mpesa:Certificate or Mpesa:CertificatePath";
    }
}
