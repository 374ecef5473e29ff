namespace InvoiceFirst.Messaging.Outbox;

/// <summary>Names of the channels a message can leave by, as stored in <c>outbox.provider</c>.</summary>
public static class ProviderNames
{
    public const string WhatsApp = "whatsapp";
    public const string TwilioWhatsApp = "twilio-whatsapp";
    public const string AfricasTalking = "africastalking";
    public const string Twilio = "twilio";
    public const string Sandbox = "sandbox";
    public const string SandboxSms = "sandbox-sms";
}
