using InvoiceFirst.Bot.Events;
using InvoiceFirst.Bot.Limits;
using InvoiceFirst.Bot.Reconciliation;

namespace InvoiceFirst.Bot;

public static class InsightServiceCollectionExtensions
{
    /// <summary>Live events, reconciliation with the evening summary, and the API and chat limits.</summary>
    public static IServiceCollection AddInsight(this IServiceCollection services)
    {
        services.AddOptions<EventStreamOptions>().BindConfiguration(EventStreamOptions.Section)
            .Validate(o => o.PollMilliseconds >= 50, "Events:PollMilliseconds must be at least 50")
            .ValidateOnStart();
        services.AddOptions<ReconciliationOptions>().BindConfiguration(ReconciliationOptions.Section)
            .Validate(o => o.SummaryHour is >= 0 and <= 23, "Reconciliation:SummaryHour must be 0-23")
            .ValidateOnStart();
        services.AddOptions<ChatLimitOptions>().BindConfiguration(ChatLimitOptions.Section);
        services.AddOptions<ApiRateLimitOptions>().BindConfiguration("Api")
            .Validate(o => o.PermitLimit > 0 && o.WindowSeconds > 0, "Api:PermitLimit and Api:WindowSeconds must be positive")
            .ValidateOnStart();

        services.AddSingleton<Reconciler>();
        services.AddSingleton<EveningSummary>();
        services.AddHostedService<ReconciliationWorker>();
        services.AddSingleton<SenderLimiter>();
        services.AddRateLimiter(o => o.AddPolicy<string, ApiKeyRateLimitPolicy>(ApiKeyRateLimitPolicy.Name));
        return services;
    }

    public static IEndpointRouteBuilder MapInsightEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapEventEndpoints();
        app.MapReconciliationEndpoints();
        return app;
    }
}
