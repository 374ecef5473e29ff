namespace InvoiceFirst.Bot.PayPage;

public static class PayPageServiceCollectionExtensions
{
    /// <summary>The customer's pay page: its settings, rate limits and renderer.</summary>
    public static IServiceCollection AddPayPage(this IServiceCollection services)
    {
        services.AddOptions<PayPageOptions>().BindConfiguration(PayPageOptions.Section)
            .Validate(o => o.PerIpPermitLimit > 0, "PayPage:PerIpPermitLimit must be positive")
            .Validate(o => o.PerInvoicePermitLimit > 0, "PayPage:PerInvoicePermitLimit must be positive")
            .Validate(o => o.WindowSeconds > 0, "PayPage:WindowSeconds must be positive")
            .Validate(o => o.PollMilliseconds >= 500, "PayPage:PollMilliseconds must be at least 500")
            .ValidateOnStart();
        services.AddSingleton<PayPageBuilder>();
        services.AddPayPageRateLimits();
        return services;
    }
}
