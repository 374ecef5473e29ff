using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Hosting;

/// <summary>
/// /metrics needs <c>Metrics:Key</c> (or, unset, <c>Api:Key</c>) as a bearer token: its labels name providers,
/// outcomes and routes, and its counts show the business's volume to anyone who can read them.
/// </summary>
public sealed class MetricsKeyFilter(IOptions<MetricsOptions> metrics, IOptions<ApiOptions> api) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var (key, setting) = string.IsNullOrEmpty(metrics.Value.Key) ? (api.Value.Key, "Api:Key") : (metrics.Value.Key, "Metrics:Key");
        return BearerKey.Matches(context.HttpContext.Request, key) ? await next(context) : BearerKey.Refuse(context.HttpContext, setting);
    }
}
