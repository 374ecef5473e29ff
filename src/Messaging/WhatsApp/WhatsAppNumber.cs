namespace InvoiceFirst.Messaging.WhatsApp;

/// <summary>
/// The business number a WhatsApp message goes from, with what sending from it takes: the shared
/// <c>WhatsApp:PhoneNumberId</c> or a merchant's own number (<see cref="IsOwn"/>), its token and its approved template.
/// </summary>
public sealed record WhatsAppNumber(string PhoneNumberId, string AccessToken, string? InvoiceTemplate, string TemplateLanguage, bool IsOwn)
{
    /// <summary>The rate limiter's and the log's name for the number (never the token).</summary>
    public string Key => IsOwn ? "whatsapp:" + PhoneNumberId : "whatsapp";

    public static WhatsAppNumber Shared(WhatsAppOptions o) =>
        new(o.PhoneNumberId ?? "", o.AccessToken ?? "", o.InvoiceTemplate, o.TemplateLanguage, IsOwn: false);

    public override string ToString() => $"WhatsAppNumber {{ PhoneNumberId = {PhoneNumberId}, IsOwn = {IsOwn} }}";
}
