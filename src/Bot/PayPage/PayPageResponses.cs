using InvoiceFirst.Bot.Hosting;
using Microsoft.AspNetCore.Components;

namespace InvoiceFirst.Bot.PayPage;

/// <summary>How every pay page response goes out: a rendered component, never cached, never leaking its URL.</summary>
public static class PayPageResponses
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public static IResult Page(PayPageModel page, int statusCode = StatusCodes.Status200OK) =>
        PageResult<PayPageView>(statusCode, new Dictionary<string, object?> { [nameof(PayPageView.Model)] = page });

    public static IResult NotFound() => PageResult<PayPageNotFound>(StatusCodes.Status404NotFound, new Dictionary<string, object?>());

    public static IResult TooManyRequests(int retryAfterSeconds) =>
        PageResult<PayPageTooManyRequests>(StatusCodes.Status429TooManyRequests,
            new Dictionary<string, object?> { [nameof(PayPageTooManyRequests.RetryAfterSeconds)] = retryAfterSeconds });

    // The token in the URL is the key to the invoice: the page result keeps it out of caches and Referer headers.
    private static HtmlPageResult<TComponent> PageResult<TComponent>(int statusCode, Dictionary<string, object?> parameters)
        where TComponent : IComponent => new(statusCode, parameters, ContentSecurityPolicy);
}
