using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.PayPage;

/// <summary>
/// Pay presses are limited per client IP and per invoice at once. An endpoint policy has one
/// partition key, so both limits live in a chained global limiter that lets every other request through.
/// </summary>
public static class PayPageRateLimits
{
    public const string PayPressEndpoint = "PayPress";

    public static IServiceCollection AddPayPageRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<PayPageOptions>>((o, page) =>
        {
            var settings = page.Value;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Limit(settings.PerIpPermitLimit, settings.Window, http => "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown")),
                Limit(settings.PerInvoicePermitLimit, settings.Window, http => "invoice:" + http.Request.RouteValues["token"]));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : settings.Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(PayPageResponses.TooManyRequests(seconds).ExecuteAsync(context.HttpContext));
            };
        });
        return services;
    }

    private static PartitionedRateLimiter<HttpContext> Limit(int permits, TimeSpan window, Func<HttpContext, string> key) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http => IsPayPress(http)
            ? RateLimitPartition.GetFixedWindowLimiter(key(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(""));

    private static bool IsPayPress(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == PayPressEndpoint;
}
