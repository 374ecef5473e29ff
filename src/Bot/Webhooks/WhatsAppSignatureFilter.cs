using InvoiceFirst.Messaging.WhatsApp;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Webhooks;

/// <summary>
/// Refuses a WhatsApp webhook whose <c>X-Hub-Signature-256</c> does not match the raw body
/// (401, nothing stored). Without an App Secret (possible only in Sandbox mode) nothing can be checked.
/// </summary>
public sealed class WhatsAppSignatureFilter(IOptions<WhatsAppOptions> options, ILogger<WhatsAppSignatureFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var body = await RawBody.ReadAsync(http);
        if (body is null) return RawBody.TooLarge();

        var secret = options.Value.AppSecret;
        if (!string.IsNullOrEmpty(secret) &&
            !WhatsAppSignature.IsValid(body, http.Request.Headers[WhatsAppSignature.HeaderName].ToString(), secret))
        {
            logger.LogWarning("WhatsApp webhook refused: bad or missing signature ({Bytes} bytes)", body.Length);
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid signature");
        }
        return await next(context);
    }
}
