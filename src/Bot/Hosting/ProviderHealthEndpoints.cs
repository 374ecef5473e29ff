using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Outbox;

namespace InvoiceFirst.Bot.Hosting;

public static class ProviderHealthEndpoints
{
    public static IEndpointRouteBuilder MapProviderHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/providers/health", (ProviderHealth health, ChannelChain chains) =>
            {
                // Every configured provider is listed, including those with no sends yet.
                var probe = new OutboxEntry { Recipient = "", Purpose = OutboxPurpose.Notice, Payload = "" };
                var configured = chains.For(probe, new OutboundMessage { Text = "", SmsText = "" }).Select(c => c.Provider);
                return Results.Ok(new { providers = health.Report(configured) });
            })
            .RequireOperatorKey()
            .WithTags("Operations")
            .WithSummary("Per provider: status (healthy, degraded, down), recent latency, success rate, breaker state.");
        return app;
    }
}
