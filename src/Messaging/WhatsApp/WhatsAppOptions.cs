namespace InvoiceFirst.Messaging.WhatsApp;

/// <summary>Settings of the <c>WhatsApp</c> configuration section (Meta Cloud API).</summary>
public sealed class WhatsAppOptions
{
    public const string Section = "WhatsApp";

    /// <summary>Points at Meta in production and at a loopback fake in tests and benchmarks.</summary>
    public string BaseUrl { get; set; } = "https://graph.facebook.com";

    public string ApiVersion { get; set; } = "v24.0";

    /// <summary>Numeric id of the business number (not the display number).</summary>
    public string? PhoneNumberId { get; set; }

    public string? AccessToken { get; set; }

    /// <summary>The token typed into the App Dashboard for the GET handshake.</summary>
    public string? VerifyToken { get; set; }

    /// <summary>Key of the <c>X-Hub-Signature-256</c> HMAC.</summary>
    public string? AppSecret { get; set; }

    /// <summary>Approved template used when a message carries no template name of its own.</summary>
    public string? InvoiceTemplate { get; set; }

    public string TemplateLanguage { get; set; } = "en";

    /// <summary>Per-number throughput Meta allows (error 130429 above it); read by the dispatcher.</summary>
    public int MessagesPerSecond { get; set; } = 80;

    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Ask Meta whether a merchant's own number and token work before <c>PUT /merchants/{id}/whatsapp</c> saves them.</summary>
    public bool CheckOwnNumbers { get; set; } = true;
}
