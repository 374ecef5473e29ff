using InvoiceFirst.Bot.Hosting;
using Microsoft.AspNetCore.Components;

namespace InvoiceFirst.Bot.PayPage;

/// <summary>How every pay page response goes out: a rendered component, never cached, never leaking its URL.</summary>
public static class PayPageResponses
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IResult Page(PayPageModel page, int statusCode = StatusCodes.Status200OK) =>
        new PageResult<PayPageView>(statusCode, new Dictionary<string, object?> { [nameof(PayPageView.Model)] = page });

    public static IResult NotFound() => new PageResult<PayPageNotFound>(StatusCodes.Status404NotFound, new Dictionary<string, object?>());

    public static IResult TooManyRequests(int retryAfterSeconds) =>
        new PageResult<PayPageTooManyRequests>(StatusCodes.Status429TooManyRequests,
            new Dictionary<string, object?> { [nameof(PayPageTooManyRequests.RetryAfterSeconds)] = retryAfterSeconds });

    private sealed class PageResult<TComponent>(int statusCode, Dictionary<string, object?> parameters) : IResult
        where TComponent : IComponent
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var html = await ComponentHtml.RenderAsync<TComponent>(http.RequestServices, parameters);
            var headers = http.Response.Headers;
            http.Response.StatusCode = statusCode;
            http.Response.ContentType = "text/html; charset=utf-8";
            // The token in the URL is the key to the invoice: keep it out of caches and Referer headers.
            headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            await http.Response.WriteAsync(html, http.RequestAborted);
        }
    }
}
