namespace InvoiceFirst.Messaging.AfricasTalking;

/// <summary>Settings of the <c>AfricasTalking</c> configuration section (SMS).</summary>
public sealed class AfricasTalkingOptions
{
    public const string Section = "AfricasTalking";

    /// <summary>Live host by default; <c>https://api.sandbox.africastalking.com</c> with username <c>sandbox</c>.</summary>
    public string BaseUrl { get; set; } = "https://api.africastalking.com";

    public string? Username { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Registered sender id or short code; empty sends from the account default.</summary>
    public string? SenderId { get; set; }

    /// <summary>
    /// The secret in the callback URLs registered with Africa's Talking (<c>/sms/inbound/{token}</c>,
    /// <c>/sms/status/{token}</c>): it signs nothing, so the URL is the only thing a forger must not know.
    /// At least 32 characters; required in Live mode when <c>ApiKey</c> is set.
    /// </summary>
    public string? CallbackToken { get; set; }

    public int MessagesPerSecond { get; set; } = 20;

    public double TimeoutSeconds { get; set; } = 10;
}
