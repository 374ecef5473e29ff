using InvoiceFirst.Messaging.AfricasTalking;
using InvoiceFirst.Messaging.Sandbox;
using InvoiceFirst.Messaging.Twilio;
using InvoiceFirst.Messaging.WhatsApp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;

namespace InvoiceFirst.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// Binds the <c>WhatsApp</c>, <c>AfricasTalking</c> and <c>Twilio</c> sections and registers the
    /// provider clients and the sandbox channel. Credentials are not required here: whether a
    /// missing one is fatal depends on <c>App:Mode</c>, which the host decides.
    /// </summary>
    public static IServiceCollection AddMessagingProviders(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);

        AddProvider<WhatsAppOptions>(services, configuration, WhatsAppOptions.Section, WhatsAppClient.HttpClientName,
            o => (o.BaseUrl, o.TimeoutSeconds, o.MessagesPerSecond));
        AddProvider<AfricasTalkingOptions>(services, configuration, AfricasTalkingOptions.Section,
            AfricasTalkingClient.HttpClientName, o => (o.BaseUrl, o.TimeoutSeconds, o.MessagesPerSecond));
        AddProvider<TwilioOptions>(services, configuration, TwilioOptions.Section, TwilioClient.HttpClientName,
            o => (o.BaseUrl, o.TimeoutSeconds, o.MessagesPerSecond));

        services.TryAddSingleton<WhatsAppClient>();
        services.TryAddSingleton<AfricasTalkingClient>();
        services.TryAddSingleton<TwilioClient>();
        services.TryAddSingleton<SandboxChannel>();
        return services;
    }

    private static void AddProvider<TOptions>(
        IServiceCollection services,
        IConfiguration configuration,
        string section,
        string httpClientName,
        Func<TOptions, (string BaseUrl, double TimeoutSeconds, int MessagesPerSecond)> common)
        where TOptions : class
    {
        services.AddOptions<TOptions>()
            .Bind(configuration.GetSection(section))
            .Validate(o => Uri.TryCreate(common(o).BaseUrl, UriKind.Absolute, out _), $"{section}:BaseUrl must be an absolute URL")
            .Validate(o => common(o).TimeoutSeconds > 0, $"{section}:TimeoutSeconds must be positive")
            .Validate(o => common(o).MessagesPerSecond > 0, $"{section}:MessagesPerSecond must be positive")
            .ValidateOnStart();

        services.AddHttpClient(httpClientName, (sp, http) =>
            {
                var o = common(sp.GetRequiredService<IOptions<TOptions>>().Value);
                http.BaseAddress = new Uri(o.BaseUrl.TrimEnd('/') + "/");
                // The pipeline's timeout decides; this only backstops it.
                http.Timeout = TimeSpan.FromSeconds(o.TimeoutSeconds) + TimeSpan.FromSeconds(5);
            })
            .AddResilienceHandler(httpClientName + "-send", (pipeline, context) =>
            {
                var o = common(context.ServiceProvider.GetRequiredService<IOptions<TOptions>>().Value);
                // Timeout only. No retry strategy on purpose: these POSTs are not idempotent, a retry
                // could send a message twice; the outbox retries with a record of what was attempted.
                // No breaker either: the provider's one breaker is the outbox's (ProviderHealth), which
                // also sees what HTTP cannot, such as a 200 whose body makes no sense.
                pipeline.AddTimeout(TimeSpan.FromSeconds(o.TimeoutSeconds));
            });
    }
}
