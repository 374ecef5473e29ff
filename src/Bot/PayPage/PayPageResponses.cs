namespace InvoiceFirst.Bot.PayPage;

/// <summary>How every pay page response goes out: HTML, never cached, never leaking its URL.</summary>
public static class PayPageResponses
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IResult Html(string html, int statusCode = StatusCodes.Status200OK) => new HtmlResult(html, statusCode);

    public static Task WriteAsync(HttpContext http, string html, int statusCode, CancellationToken ct)
    {
        var headers = http.Response.Headers;
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "text/html; charset=utf-8";
        // The token in the URL is the key to the invoice: keep it out of caches and Referer headers.
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return http.Response.WriteAsync(html, ct);
    }

    private sealed class HtmlResult(string html, int statusCode) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, html, statusCode, httpContext.RequestAborted);
    }
}
