using Microsoft.AspNetCore.Components;

namespace InvoiceFirst.Bot.Hosting;

/// <summary>
/// A server-rendered page: never cached, never leaking its URL in a Referer, under a content security policy.
/// Used by the pay page and the dashboard alike.
/// </summary>
public sealed class HtmlPageResult<TComponent>(int statusCode, IDictionary<string, object?> parameters, string contentSecurityPolicy) : IResult
    where TComponent : IComponent
{
    public async Task ExecuteAsync(HttpContext http)
    {
        var html = await ComponentHtml.RenderAsync<TComponent>(http.RequestServices, parameters);
        var headers = http.Response.Headers;
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "text/html; charset=utf-8";
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        await http.Response.WriteAsync(html, http.RequestAborted);
    }
}
