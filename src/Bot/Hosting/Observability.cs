using Prometheus;
using Scalar.AspNetCore;

namespace InvoiceFirst.Bot.Hosting;

/// <summary>The OpenAPI document with its browsable reference at /docs, and Prometheus metrics at /metrics (bearer key).</summary>
public static class Observability
{
    public static IServiceCollection AddApiDocs(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "InvoiceFirst";
            document.Info.Description = "Invoice from a chat, get paid by M-PESA. Webhook endpoints take the providers' own payloads.";
            return Task.CompletedTask;
        }));

    public static WebApplication MapObservability(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", options => options.WithTitle("InvoiceFirst API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapMetrics("/metrics").AddEndpointFilter<IEndpointConventionBuilder, MetricsKeyFilter>();
        return app;
    }

    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app) => app.UseHttpMetrics();
}
