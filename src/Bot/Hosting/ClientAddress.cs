using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Hosting;

/// <summary>
/// The client's address behind a reverse proxy: the forwarded header is believed only from a peer in
/// <c>App:KnownProxies</c>, so the pay page's per-IP limit and the callback allowlists see the caller, not Fly's proxy;
/// and from the same peers only, <c>X-Forwarded-Proto</c>, so a request that reached the proxy over HTTPS counts as one.
/// </summary>
public static class ClientAddress
{
    public static IServiceCollection AddClientAddress(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<AppOptions>>((o, app) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardedForHeaderName = app.Value.ForwardedForHeader;
            // One hop: the entry our own proxy wrote. Anything further left was written by the client.
            o.ForwardLimit = 1;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var network in NetworkList.Parse(app.Value.KnownProxies, "App:KnownProxies")) o.KnownIPNetworks.Add(network);
        });
        return services;
    }

    public static IApplicationBuilder UseClientAddress(this IApplicationBuilder app)
    {
        // With no known proxy at all the middleware would take the header from any peer: leave it out instead.
        var options = app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        return options.KnownIPNetworks.Count > 0 ? app.UseForwardedHeaders() : app;
    }
}
