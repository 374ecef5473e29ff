using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Payments;
using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Options;
using InvoiceFirst.Payments.Flow;

namespace InvoiceFirst.Bot.Payments;

/// <summary>
/// <c>dotnet InvoiceFirst.Bot.dll register-c2b-urls</c>: registers our tokenized validation and
/// confirmation URLs with Daraja (C2B Register URL v2) and says in plain words what happened. The
/// URL token is never printed.
/// </summary>
public static class RegisterC2bUrlsCommand
{
    public const string Verb = "register-c2b-urls";

    // Daraja refuses callback URLs containing these words (spec 4.9).
    private static readonly string[] ForbiddenWords = ["m-pesa", "mpesa", "safaricom", "exe", "exec", "cmd", "sql", "query"];

    public static async Task<int> RunAsync(WebApplicationBuilder builder, TextWriter output)
    {
        builder.Services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section);
        builder.Services.AddMpesaClient(builder.Configuration);
        builder.Services.AddSingleton<C2bUrls>();
        // Registering URLs is only ever done for real money: the sandbox has nothing to register with.
        builder.Services.AddSingleton(sp => new PaymentHost(sp.GetRequiredService<IOptions<AppOptions>>().Value.PublicBaseUrl, IsLive: true));
        await using var services = builder.Services.BuildServiceProvider();
        var mpesa = services.GetRequiredService<IOptions<MpesaOptions>>().Value;
        var baseUrl = services.GetRequiredService<IOptions<AppOptions>>().Value.PublicBaseUrl.TrimEnd('/');
        if (mpesa.C2bUrlToken.Length < Webhooks.RouteSecretFilter.MinimumLength)
        {
            await output.WriteLineAsync("Set Mpesa:C2bUrlToken to at least 32 random characters first (for example: openssl rand -hex 24).");
            return 2;
        }
        if (ForbiddenWords.FirstOrDefault(w => baseUrl.Contains(w, StringComparison.OrdinalIgnoreCase)) is { } word)
            await output.WriteLineAsync($"Warning: App:PublicBaseUrl contains \"{word}\"; Safaricom rejects callback URLs with that word.");

        var urls = services.GetRequiredService<C2bUrls>();
        var ack = await services.GetRequiredService<DarajaC2bClient>().RegisterUrlsAsync(urls.Confirmation, urls.Validation, CancellationToken.None);
        var shown = $"{baseUrl}/payments/c2b/{{validation,confirmation}}/<token>";
        await output.WriteLineAsync(ack switch
        {
            DarajaAck.Accepted =>
                $"Registered: Safaricom will send Paybill/Till payments to shortcode {mpesa.ShortCode} to {shown} " +
                $"(if our validation URL cannot be reached: {mpesa.C2bResponseType}).",
            DarajaAck.Refused { Code: "500.003.1001" } =>
                $"Safaricom says URLs are already registered for shortcode {mpesa.ShortCode} (500.003.1001). In production registration " +
                "is one-time: delete the old URLs in the M-PESA portal (Self Services, URL Management), then run this again.",
            DarajaAck.Refused refused =>
                $"Safaricom refused the registration: {refused.Code} {refused.Message}. Check Mpesa:ConsumerKey, Mpesa:ConsumerSecret and Mpesa:ShortCode.",
            DarajaAck.NoAnswer noAnswer =>
                $"No answer from Safaricom ({noAnswer.Reason}); the URLs may not be registered. Run this again.",
            _ => "Unexpected answer from Safaricom.",
        });
        return ack is DarajaAck.Accepted ? 0 : 1;
    }
}
