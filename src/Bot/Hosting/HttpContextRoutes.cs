using Microsoft.AspNetCore.Diagnostics;

namespace InvoiceFirst.Bot.Hosting;

public static class HttpContextRoutes
{
    /// <summary>
    /// The matched route's template, never the raw path: pay, callback and URL tokens live in paths. The
    /// exception handler clears the endpoint before it answers; it keeps the one that failed.
    /// </summary>
    public static string RouteTemplate(this HttpContext context) =>
        ((context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint) as RouteEndpoint)?.RoutePattern.RawText
        ?? "(unmatched)";
}
