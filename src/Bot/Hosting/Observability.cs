using Prometheus;

namespace InvoiceFirst.Bot.Hosting;

/// <summary>The API reference and Prometheus metrics at /metrics (bearer key).</summary>
public static class Observability
{
    public static WebApplication MapObservability(this WebApplication app)
    {
        app.MapApiDocs();
        app.MapMetrics("/metrics").AddEndpointFilter<IEndpointConventionBuilder, MetricsKeyFilter>();
        return app;
    }

    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app) => app.UseHttpMetrics();
}
