using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;

namespace InvoiceFirst.Payments;

public static class PaymentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Daraja client: options from <c>Mpesa</c>, the named HttpClient <c>mpesa</c> with a
    /// timeout-only pipeline, the token provider, and an in-memory token store unless the host added one.
    /// </summary>
    public static IServiceCollection AddMpesaClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MpesaOptions>()
            .Bind(configuration.GetSection(MpesaOptions.SectionName))
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Mpesa:BaseUrl must be an absolute URL")
            .Validate(o => o.TransactionType is MpesaOptions.PayBill or MpesaOptions.BuyGoods,
                $"Mpesa:TransactionType must be {MpesaOptions.PayBill} or {MpesaOptions.BuyGoods}")
            .Validate(o => o.MaxAmountPerTransaction is >= 1 and <= 250_000,
                "Mpesa:MaxAmountPerTransaction must be 1 to 250000")
            .Validate(o => o.TimeoutSeconds > 0, "Mpesa:TimeoutSeconds must be positive")
            .Validate(o => o.ReviewAfterHours > 0, "Mpesa:ReviewAfterHours must be positive")
            .Validate(o => o.C2bResponseType is "Completed" or "Cancelled", "Mpesa:C2bResponseType must be Completed or Cancelled")
            .Validate(o => o.C2bVerifyHours > 0, "Mpesa:C2bVerifyHours must be positive")
            .Validate(o => o.C2bRequeryMinutes > 0, "Mpesa:C2bRequeryMinutes must be positive")
            // A missing certificate is named by the Live-mode check; one that is set must be readable.
            .Validate(o => o.C2bEnabled != true || (o.Certificate.Length == 0 && o.CertificatePath.Length == 0) || SecurityCredential.CanLoad(o),
                "Mpesa:Certificate or Mpesa:CertificatePath is not a readable X.509 certificate (PEM or DER)")
            .ValidateOnStart();

        services.AddHttpClient(DarajaClient.HttpClientName, (sp, client) =>
            {
                var settings = sp.GetRequiredService<IOptions<MpesaOptions>>().Value;
                client.BaseAddress = new Uri(settings.BaseUrl);
                // The resilience pipeline owns the timeout; keep HttpClient's own out of its way.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddResilienceHandler("mpesa-timeout", (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<MpesaOptions>>().Value;
                // Timeout only: a retry strategy would repeat STK pushes and charge the customer twice, or pay a B2C payout twice.
                pipeline.AddTimeout(TimeSpan.FromSeconds(settings.TimeoutSeconds));
            });

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDarajaTokenStore, InMemoryDarajaTokenStore>();
        services.TryAddSingleton<DarajaTokenProvider>();
        services.TryAddSingleton<DarajaTransport>();
        services.TryAddSingleton<DarajaClient>();
        services.TryAddSingleton<DarajaC2bClient>();
        services.TryAddSingleton<DarajaB2cClient>();
        return services;
    }
}
