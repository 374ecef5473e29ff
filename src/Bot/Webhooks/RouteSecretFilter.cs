using InvoiceFirst.Bot.Hosting;

namespace InvoiceFirst.Bot.Webhooks;

/// <summary>
/// For providers that sign nothing: the registered URL carries a secret as its <c>{token}</c>
/// segment. A wrong or missing one answers 404, like a path that does not exist, before the body
/// is read, so nothing is stored and nothing happens. The log names the door and the route
/// template, never the path (a near miss may be the real token) or the body.
/// </summary>
public sealed class RouteSecretFilter(Func<IServiceProvider, string?> secret, string door) : IEndpointFilter
{
    public const int MinimumLength = 32;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var presented = http.Request.RouteValues["token"] as string ?? "";
        if (!Matches(presented, secret(http.RequestServices) ?? ""))
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<RouteSecretFilter>()
                .LogWarning("Suspicious {Door:l} callback on {Route}: wrong URL token, refused",
                    door, http.RouteTemplate());
            return Results.NotFound();
        }
        return await next(context);
    }

    /// <summary>In constant time; an unset (or too short) secret matches nothing.</summary>
    public static bool Matches(string presented, string expected) =>
        expected.Length >= MinimumLength && SecretComparison.AreEqual(presented, expected);
}

public static class RouteSecretFilterExtensions
{
    public static TBuilder RequireRouteSecret<TBuilder>(this TBuilder builder, string door, Func<IServiceProvider, string?> secret)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new RouteSecretFilter(secret, door));
}
