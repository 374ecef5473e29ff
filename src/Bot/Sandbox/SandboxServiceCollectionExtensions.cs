using System.Security.Cryptography;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Messaging.WhatsApp;
using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Bot.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>Daraja's public sandbox passkey: the password is computed exactly as in production.</summary>
    private const string SandboxPasskey = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919";

    /// <summary>
    /// In Sandbox mode, points the real clients at the sandbox's stand-ins and signs webhooks with a
    /// per-process secret, so the whole pipeline runs and verifies as in production. Live mode is untouched.
    /// </summary>
    public static IServiceCollection AddSandbox(this IServiceCollection services)
    {
        services.AddSingleton<SandboxMpesa>();
        services.AddSingleton<SandboxPaybill>();
        services.AddSingleton<SandboxTranscript>();
        services.AddSingleton<SandboxSender>();
        services.AddSingleton<SandboxMerchantRoute>();
        services.AddHttpClient(SandboxMpesa.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));

        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var c2bToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var initiator = new SandboxInitiator();
        services.AddSingleton(initiator);
        services.AddOptions<WhatsAppOptions>().PostConfigure<BotMode>((o, mode) =>
        {
            if (mode.IsSandbox && string.IsNullOrEmpty(o.AppSecret)) o.AppSecret = secret;
        });
        services.AddOptions<MpesaOptions>().PostConfigure<BotMode, Microsoft.Extensions.Options.IOptions<AppOptions>>((o, mode, app) =>
        {
            if (!mode.IsSandbox) return;
            o.BaseUrl = app.Value.PublicBaseUrl.TrimEnd('/') + SandboxDarajaEndpoints.Prefix;
            o.ConsumerKey = "sandbox";
            o.ConsumerSecret = "sandbox";
            o.ShortCode = "174379";
            o.Passkey = SandboxPasskey;
            o.ConfirmWithQuery = true;
            if (o.C2bUrlToken.Length == 0) o.C2bUrlToken = c2bToken;
            o.InitiatorName = SandboxInitiator.Name;
            o.InitiatorPassword = initiator.Password;
            o.Certificate = initiator.CertificatePem();
            o.CertificatePath = "";
        });
        return services;
    }
}
