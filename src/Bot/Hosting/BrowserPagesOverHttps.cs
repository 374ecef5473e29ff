namespace InvoiceFirst.Bot.Hosting;

/// <summary>
/// In Live, the pages people sign in on or type secrets into (<c>/app</c>, <c>/ops</c>, <c>/setup</c>) answer only over
/// HTTPS: their cookies are Secure, and a code or a key must not cross the network in the clear. Behind a proxy that
/// ends TLS, the request counts as HTTPS when a peer in <c>App:KnownProxies</c> says so (<c>X-Forwarded-Proto</c>).
/// Anything else gets a plain 400 that says what to open, not a 500 from a cookie that cannot be set.
/// </summary>
public static class BrowserPagesOverHttps
{
    private static readonly string[] Prefixes = ["/app", "/ops", "/setup"];

    public static IApplicationBuilder UseBrowserPagesOverHttps(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<BotMode>().IsSandbox) return app;
        return app.Use(async (http, next) =>
        {
            var path = http.Request.Path;
            if (!http.Request.IsHttps && Prefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                http.Response.ContentType = "text/plain; charset=utf-8";
                await http.Response.WriteAsync($"This page works over HTTPS only: open https://{http.Request.Host}{path}");
                return;
            }
            await next(http);
        });
    }
}
