using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Outbox;

namespace InvoiceFirst.Bot.Hosting;

public static class ProviderHealthEndpoints
{
    public static IEndpointRouteBuilder MapProviderHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/providers/health", (ProviderHealth health, ChannelChain chains) => Results.Ok(new { providers = Report(health, chains) }))
            .RequireOperatorKey()
            .WithTags("Operations")
            .WithSummary("Per provider: status (healthy, degraded, down), recent latency, success rate, breaker state.");
        return app;
    }

    /// <summary>Every configured provider, including those with no sends yet.</summary>
    public static IReadOnlyList<ProviderHealthReport> Report(ProviderHealth health, ChannelChain chains)
    {
        var probe = new OutboxEntry { Recipient = "", Purpose = OutboxPurpose.Notice, Payload = "" };
        return health.Report(chains.For(probe, new OutboundMessage { Text = "", SmsText = "" }).Select(c => c.Provider));
    }
}
