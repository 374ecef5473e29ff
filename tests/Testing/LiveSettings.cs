using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Testing;

/// <summary>
/// The environment of a bot process in Live mode with every provider it needs pointed at the
/// loopback fakes: what a Live start requires, in environment form (<c>WhatsApp__BaseUrl</c>).
/// Callers add what their scenario needs on top.
/// </summary>
public static class LiveSettings
{
    public const string MerchantPhone = "254700000001";

    public static Dictionary<string, string> ForFakes(string connectionString, FakeWhatsAppGraph graph, FakeDaraja daraja,
        FakeAfricasTalking sms, string appSecret, string apiKey, string merchantName) => new()
    {
        ["ConnectionStrings__Default"] = connectionString,
        ["App__Mode"] = "Live",
        ["Api__Key"] = apiKey,
        ["Merchant__Phone"] = MerchantPhone,
        ["Merchant__Name"] = merchantName,
        ["WhatsApp__BaseUrl"] = graph.BaseUrl,
        ["WhatsApp__PhoneNumberId"] = WebhookBuilders.PhoneNumberId,
        ["WhatsApp__AccessToken"] = "test-access-token",
        ["WhatsApp__VerifyToken"] = "test-verify-token",
        ["WhatsApp__AppSecret"] = appSecret,
        ["WhatsApp__InvoiceTemplate"] = "invoice_v1",
        ["Mpesa__BaseUrl"] = daraja.BaseUrl,
        ["Mpesa__ConsumerKey"] = daraja.ConsumerKey,
        ["Mpesa__ConsumerSecret"] = daraja.ConsumerSecret,
        ["Mpesa__ShortCode"] = "174379",
        ["Mpesa__Passkey"] = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919",
        // Callbacks are the caller's to deliver: the query worker would race them for payments it thinks are lost.
        ["Payments__QueryAfterSeconds"] = "600",
        ["AfricasTalking__BaseUrl"] = sms.BaseUrl,
        ["AfricasTalking__Username"] = "sandbox",
        ["AfricasTalking__ApiKey"] = "test-at-key",
        ["AfricasTalking__CallbackToken"] = AfricasTalkingCallbacks.Token,
    };
}
