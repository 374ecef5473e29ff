using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace InvoiceFirst.Integration.Tests.Infrastructure;

/// <summary>
/// The test server has no socket, so no peer address: a request's <see cref="Header"/> stands in for the address
/// the connection came from, ahead of the host's own pipeline (forwarded headers included).
/// </summary>
public sealed class TestPeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, inner) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var peer))
                context.Connection.RemoteIpAddress = peer;
            context.Request.Headers.Remove(Header);
            await inner(context);
        });
        next(app);
    };
}
