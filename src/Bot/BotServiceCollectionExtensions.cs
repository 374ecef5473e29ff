using InvoiceFirst.Bot.Hosting;

namespace InvoiceFirst.Bot;

public static class BotServiceCollectionExtensions
{
    public static IServiceCollection AddBot(this IServiceCollection services, IConfiguration configuration, AppMode mode)
    {
        services.AddSingleton(new BotMode(mode));
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AppOptions>().BindConfiguration(AppOptions.Section);
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.AddOptions<MerchantOptions>().BindConfiguration(MerchantOptions.Section);
        services.AddOptions<InvoiceOptions>().BindConfiguration(InvoiceOptions.Section)
            .Validate(o => o.MaxAmount > 0, "Invoices:MaxAmount must be positive")
            .Validate(o => o.PayWindowDays > 0, "Invoices:PayWindowDays must be positive")
            .ValidateOnStart();
        services.PostConfigure<MerchantOptions>(o =>
        {
            // The sandbox needs someone to chat as.
            if (mode == AppMode.Sandbox && string.IsNullOrWhiteSpace(o.Phone))
            {
                o.Phone = "254700000001";
                o.Name ??= "Sandbox Shop";
            }
        });
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(25));

        services.AddHostedService<StartupTasks>();
        services.AddSingleton<Readiness>();
        return services;
    }
}

/// <summary>The mode this process runs in, decided once at start-up.</summary>
public sealed record BotMode(AppMode Mode)
{
    public bool IsSandbox => Mode == AppMode.Sandbox;
}
