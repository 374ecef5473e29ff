using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Hosting;

/// <summary>Bearer <c>Api:Key</c> on the REST API, compared in constant time. No key configured: nobody gets in.</summary>
public sealed class ApiKeyFilter(IOptions<ApiOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var key = options.Value.Key;
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        if (key.Length == 0 || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(key)))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Missing or wrong API key",
                detail: "Send the key configured as Api:Key in an 'Authorization: Bearer <key>' header.");
        }
        return await next(context);
    }
}

public static class ApiKeyFilterExtensions
{
    /// <summary>The API key, and the per-key rate limit that comes with it.</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter<TBuilder, ApiKeyFilter>().RequireRateLimiting(Limits.ApiKeyRateLimitPolicy.Name);
}
