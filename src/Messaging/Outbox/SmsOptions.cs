namespace InvoiceFirst.Messaging.Outbox;

/// <summary>Settings of the <c>Sms</c> section.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    /// <summary>SMS providers in the order to try them; one without credentials is left out.</summary>
    public string Providers { get; set; } = "AfricasTalking,Twilio";

    /// <summary>SMS a merchant's messages may use per Nairobi day; 0 means no cap. The operator may set a merchant's own (PUT /merchants/{id}/limits).</summary>
    public int DailyCapPerMerchant { get; set; } = 500;
}
