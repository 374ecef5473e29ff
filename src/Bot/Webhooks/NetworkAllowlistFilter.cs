using System.Net;
using InvoiceFirst.Bot.Hosting;

namespace InvoiceFirst.Bot.Webhooks;

/// <summary>
/// Lets a provider's callback in only from <c>{Section}:AllowedNetworks</c>, judged on the client address
/// (the forwarded one when the peer is a known proxy). Refused: 404 like an unknown path, before anything
/// is read, so a scanner learns nothing and nothing is stored. In <c>log</c> mode it only warns.
/// </summary>
public sealed class NetworkAllowlistFilter(string section, IReadOnlyList<IPNetwork> allowed, bool enforced, ILogger<NetworkAllowlistFilter> logger)
    : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (allowed.Count == 0 || NetworkList.Contains(allowed, http.Connection.RemoteIpAddress))
            return await next(context);

        var route = http.RouteTemplate();
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!enforced)
        {
            logger.LogWarning("{Provider} callback on {Route} from {ClientIp}, outside {Setting}: let through ({Mode})",
                section, route, client, section + ":AllowedNetworks", section + ":NetworkMode=log");
            return await next(context);
        }
        logger.LogWarning("{Provider} callback on {Route} from {ClientIp}, outside {Setting}: refused",
            section, route, client, section + ":AllowedNetworks");
        return Results.NotFound();
    }
}
