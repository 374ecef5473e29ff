using Microsoft.AspNetCore.Http.Features;

namespace InvoiceFirst.Bot.Webhooks;

/// <summary>
/// Refuses oversized webhook bodies before anything reads them: a declared length above the limit
/// is answered 413 at once, and an undeclared (chunked) body is cut off by the server at the same limit.
/// </summary>
public static class WebhookBodyLimit
{
    private static readonly string[] Prefixes = ["/whatsapp/", "/sms/", "/twilio/", "/payments/stk/callback/", "/payments/c2b/", "/payments/tx-status/"];

    public static IApplicationBuilder UseWebhookBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path.Value ?? "";
        if (!Prefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }

        if (context.Request.ContentLength > RawBody.MaxBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = RawBody.MaxBytes;
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is BadHttpRequestException or InvalidDataException)
        {
            // An unreadable form or a body over the server's limit: the sender's fault, never a 500.
            context.Response.StatusCode = ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
        }
    });
}
