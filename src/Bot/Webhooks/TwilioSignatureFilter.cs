using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Messaging.Channels;
using InvoiceFirst.Messaging.Twilio;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Webhooks;

/// <summary>
/// Refuses a Twilio webhook whose <c>X-Twilio-Signature</c> does not match (403, nothing stored).
/// The URL is rebuilt from <c>App:PublicBaseUrl</c>: behind Fly's proxy the request the app sees
/// is not the https URL Twilio signed.
/// </summary>
public sealed class TwilioSignatureFilter(
    IOptions<TwilioOptions> twilio, IOptions<AppOptions> app, ILogger<TwilioSignatureFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (!request.HasFormContentType) return Refuse("not a form");
        var form = FormFields.From(await request.ReadFormAsync(context.HttpContext.RequestAborted));
        var url = app.Value.PublicBaseUrl.TrimEnd('/') + request.Path + request.QueryString;
        if (!TwilioSignature.IsValid(url, form, request.Headers[TwilioSignature.HeaderName].ToString(), twilio.Value.AuthToken))
            return Refuse("bad or missing signature");
        return await next(context);
    }

    private IResult Refuse(string why)
    {
        logger.LogWarning("Twilio webhook refused: {Reason}", why);
        return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Invalid signature");
    }
}
