using InvoiceFirst.Bot.Documents;
using InvoiceFirst.Bot.Dashboard;
using InvoiceFirst.Bot.Ops;
using InvoiceFirst.Bot.Sandbox;
using InvoiceFirst.Payments;
using InvoiceFirst.Messaging;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Inbox;
using InvoiceFirst.Bot.Invoices;
using InvoiceFirst.Bot.Payments;
using InvoiceFirst.Bot.PayPage;
using InvoiceFirst.Bot.Reminders;
using InvoiceFirst.Bot.Webhooks;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Messaging.AfricasTalking;
using InvoiceFirst.Messaging.Outbox;
using Microsoft.Extensions.Options;
using InvoiceFirst.Payments.Flow;

namespace InvoiceFirst.Bot;

public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// The host and what it composes: messaging (providers and the outbox dispatcher), the Daraja
    /// client, API docs, the sandbox and the insight features. Its start-up tasks (migrations) are
    /// registered first, so they run before any worker starts.
    /// </summary>
    public static IServiceCollection AddBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBotCore();
        services.AddMessagingProviders(configuration);
        services.AddOutboxDispatcher();
        services.AddMpesaClient(configuration);
        services.AddApiDocs();
        services.AddSandbox();
        services.AddInsight();
        return services;
    }

    private static IServiceCollection AddBotCore(this IServiceCollection services)
    {
        // Decided from the final configuration (test hosts and user secrets included), once.
        services.AddSingleton(sp => new BotMode(AppModeResolver.Resolve(sp.GetRequiredService<IConfiguration>())));
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section)
            .Validate(o => NetworkList.TryParse(o.KnownProxies, out _, out _),
                "App:KnownProxies must list networks in CIDR form, e.g. 172.16.0.0/12")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ForwardedForHeader), "App:ForwardedForHeader must name a header")
            .ValidateOnStart();
        services.AddClientAddress();
        services.AddProviderNetworks();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section);
        services.AddOptions<MerchantOptions>().BindConfiguration(MerchantOptions.Section);
        services.AddOptions<MerchantsOptions>().BindConfiguration(MerchantsOptions.Section)
            .PostConfigure<BotMode>((o, mode) => o.Registration ??= mode.IsSandbox ? RegistrationMode.Open : RegistrationMode.Approval);
        services.AddOptions<PlatformOptions>().BindConfiguration(PlatformOptions.Section)
            .PostConfigure<BotMode>((o, mode) => o.CollectionEnabled ??= mode.IsSandbox);
        services.AddOptions<Retention.RetentionOptions>().BindConfiguration(Retention.RetentionOptions.Section)
            .Validate(o => o.ChatDays > 0, "Retention:ChatDays must be positive").ValidateOnStart();
        services.AddOptions<InvoiceOptions>().BindConfiguration(InvoiceOptions.Section)
            .Validate(o => o.MaxAmount > 0, "Invoices:MaxAmount must be positive")
            .Validate(o => o.PayWindowDays > 0, "Invoices:PayWindowDays must be positive")
            .ValidateOnStart();
        services.AddOptions<MerchantOptions>().PostConfigure<BotMode>((o, mode) =>
        {
            // The sandbox needs someone to chat as.
            if (mode.IsSandbox && string.IsNullOrWhiteSpace(o.Phone))
            {
                o.Phone = "254700000001";
                o.Name ??= "Sandbox Shop";
            }
        });
        services.AddOptions<AfricasTalkingOptions>().PostConfigure<BotMode>((o, mode) =>
        {
            // Nobody outside this process knows it, so nobody can post to the sandbox's SMS callbacks.
            if (mode.IsSandbox && string.IsNullOrWhiteSpace(o.CallbackToken)) o.CallbackToken = SecureToken.New();
        });
        services.AddOptions<OutboxOptions>().PostConfigure<BotMode, IOptions<AppOptions>>((o, mode, app) =>
        {
            o.UseSandbox = mode.IsSandbox;
            o.TwilioStatusCallbackUrl ??= app.Value.PublicBaseUrl.TrimEnd('/') + "/twilio/status";
        });
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(25));

        services.AddHostedService<StartupTasks>();
        services.AddHealthEndpoints();
        services.AddHostedService<OutboxGaugeWorker>();
        services.AddSingleton<MerchantDirectory>();
        services.AddSingleton<Merchants.MerchantLimits>();
        services.AddSingleton<InvoiceMessages>();
        services.AddSingleton<InvoiceCreator>();
        services.AddSingleton<IDeliveryEvents, InvoiceDeliveryEvents>();
        services.AddSingleton<InvoiceRequestValidator>();

        services.AddSingleton<InvoiceCommands>();
        services.AddSingleton<ReplyWriter>();
        services.AddSingleton<ChatInvoiceSender>();
        services.AddSingleton<AddressBook>();
        services.AddSingleton<MerchantQuestions>();
        services.AddSingleton<MerchantChat>();
        services.AddSingleton<MerchantMembers>();
        services.AddSingleton<StaffRoster>();
        services.AddSingleton<ProductCommands>();
        services.AddSingleton<CustomerChat>();
        services.AddSingleton<Onboarding.RegistrationChat>();
        services.AddSingleton<Merchants.MerchantStatusChanges>();
        services.AddSingleton<DeliveryStatusHandler>();
        services.AddSingleton<InboundEventRouter>();
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<InboxIntake>();
        services.AddSingleton<WhatsAppSignatureFilter>();
        services.AddSingleton<TwilioSignatureFilter>();
        services.AddHostedService<InboxWorker>();
        services.AddSingleton<Retention.RetentionWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Retention.RetentionWorker>());
        services.AddPaymentFlow();
        services.AddSingleton(sp => new PaymentHost(
            sp.GetRequiredService<IOptions<AppOptions>>().Value.PublicBaseUrl, !sp.GetRequiredService<BotMode>().IsSandbox));
        services.AddSingleton<IPaymentOutcomes, PaymentMessages>();
        services.AddPayPage();
        services.AddDocuments();
        services.AddDashboard();
        services.AddOps();
        services.AddReminders();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
        services.AddProblemDetails();
        return services;
    }
}

/// <summary>The mode this process runs in, decided once at start-up.</summary>
public sealed record BotMode(AppMode Mode)
{
    public bool IsSandbox => Mode == AppMode.Sandbox;
}
