using InvoiceFirst.Messaging.Outbox;
using InvoiceFirst.Messaging.WhatsApp;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InvoiceFirst.Messaging;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// The outbox dispatcher and what it sends through: the channels over the provider clients
    /// (<see cref="MessagingServiceCollectionExtensions.AddMessagingProviders"/> first), the channel
    /// chain, per-provider rate limits, breakers and health. Binds the <c>Outbox</c> and <c>Sms</c> sections.
    /// </summary>
    public static IServiceCollection AddOutboxDispatcher(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section)
            .Validate(o => o.BatchSize > 0 && o.MaxParallelism is null or > 0, "Outbox:BatchSize and Outbox:MaxParallelism must be positive")
            .Validate(o => o.MaxAttemptsPerProvider > 0, "Outbox:MaxAttemptsPerProvider must be positive")
            .Validate(o => o.BreakerFailures > 0 && o.BreakerCooldown > TimeSpan.Zero, "Outbox:BreakerFailures and Outbox:BreakerCooldown must be positive")
            .ValidateOnStart();
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section);

        services.TryAddSingleton<WhatsAppWindow>();
        // Merchants' own numbers' tokens are opened with the host's key ring (stored in the database by the host).
        services.AddDataProtection();
        services.TryAddSingleton<WhatsAppNumbers>();
        services.TryAddSingleton<WhatsAppCloudChannel>();
        services.TryAddSingleton<TwilioWhatsAppChannel>();
        services.TryAddSingleton<AfricasTalkingSmsChannel>();
        services.TryAddSingleton<TwilioSmsChannel>();
        services.TryAddSingleton<ChannelChain>();
        services.TryAddSingleton<SendRateLimits>();
        services.TryAddSingleton<ProviderHealth>();
        services.TryAddSingleton<ProviderGate>();
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<IDeliveryEvents, NoDeliveryEvents>();
        services.TryAddSingleton<IDocumentRenderer, NoDocumentRenderer>();
        services.TryAddSingleton<SmsCap>();
        services.TryAddSingleton<OutboxSender>();
        services.AddHostedService<OutboxDispatcher>();
        return services;
    }
}
