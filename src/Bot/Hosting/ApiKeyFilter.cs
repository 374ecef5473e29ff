using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Hosting;

/// <summary>Bearer <c>Api:Key</c> on the REST API, compared in constant time. No key configured: nobody gets in.</summary>
public sealed class ApiKeyFilter(IOptions<ApiOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        BearerKey.Matches(context.HttpContext.Request, options.Value.Key)
            ? await next(context)
            : BearerKey.Refuse(context.HttpContext, "Api:Key");
}

public static class ApiKeyFilterExtensions
{
    /// <summary>The API key, the per-key rate limit that comes with it, and both said in the OpenAPI document.</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, ApiKeyFilter>().RequireRateLimiting(Limits.ApiKeyRateLimitPolicy.Name).DocumentApiKey();
}
