namespace InvoiceFirst.Messaging.Twilio;

/// <summary>Settings of the <c>Twilio</c> configuration section (SMS and WhatsApp).</summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    public string BaseUrl { get; set; } = "https://api.twilio.com";

    public string? AccountSid { get; set; }

    /// <summary>Basic-auth password and the key of <c>X-Twilio-Signature</c>.</summary>
    public string? AuthToken { get; set; }

    /// <summary>E.164 number or alphanumeric sender for SMS.</summary>
    public string? SmsFrom { get; set; }

    /// <summary>WhatsApp sender, with or without the <c>whatsapp:</c> prefix.</summary>
    public string? WhatsAppFrom { get; set; }

    /// <summary>Content template (<c>HX…</c>) for business-initiated WhatsApp messages (Twilio error 63016 otherwise).</summary>
    public string? WhatsAppContentSid { get; set; }

    public int MessagesPerSecond { get; set; } = 10;

    public double TimeoutSeconds { get; set; } = 10;
}
