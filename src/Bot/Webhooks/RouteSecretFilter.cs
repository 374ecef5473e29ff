using System.Security.Cryptography;
using System.Text;

namespace InvoiceFirst.Bot.Webhooks;

/// <summary>
/// For providers that sign nothing: the registered URL carries a secret as its <c>{token}</c>
/// segment. A wrong or missing one answers 404, like a path that does not exist, and nothing
/// runs. The log names the door, never the token or the body.
/// </summary>
public sealed class RouteSecretFilter(Func<IServiceProvider, string> secret, string door) : IEndpointFilter
{
    public const int MinimumLength = 32;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var presented = http.Request.RouteValues["token"] as string ?? "";
        if (!Matches(presented, secret(http.RequestServices)))
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<RouteSecretFilter>()
                .LogWarning("Suspicious request to the {Door} URL from {RemoteIp}: wrong URL token, ignored", door, http.Connection.RemoteIpAddress);
            return Results.NotFound();
        }
        return await next(context);
    }

    /// <summary>Constant-time; an unset (or too short) secret matches nothing.</summary>
    public static bool Matches(string presented, string expected) =>
        expected.Length >= MinimumLength
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}

public static class RouteSecretFilterExtensions
{
    public static TBuilder RequireRouteSecret<TBuilder>(this TBuilder builder, string door, Func<IServiceProvider, string> secret)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new RouteSecretFilter(secret, door));
}
