using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Messaging.AfricasTalking;
using InvoiceFirst.Messaging.Channels;
using InvoiceFirst.Messaging.Twilio;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Webhooks;

/// <summary>
/// The SMS side: Africa's Talking (it signs nothing: the secret token in the registered URL is checked
/// before anything is read; a report only moves the status of a message id we issued) and Twilio
/// (signature checked). Everything is stored through the inbox; 503 when it cannot be.
/// </summary>
public static class SmsWebhookEndpoints
{
    private const string EmptyTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    public static IEndpointRouteBuilder MapSmsWebhooks(this IEndpointRouteBuilder app)
    {
        Func<IServiceProvider, string?> token = sp => sp.GetRequiredService<IOptions<AfricasTalkingOptions>>().Value.CallbackToken;
        // Tokenless paths are not mapped: they answer 404 like a wrong token.
        app.MapPost("/sms/inbound/{token}", (HttpContext http, InboxIntake intake, TimeProvider clock, ILogger<InboxIntake> logger) =>
                StoreAsync(http, AfricasTalkingForms.ParseInbound, intake, clock, logger, Results.Ok()))
            .RequireProviderNetwork(AfricasTalkingOptions.Section)
            .RequireRouteSecret("Africa's Talking", token)
            .WithTags("Webhooks").WithSummary("Africa's Talking inbound SMS (secret URL token = AfricasTalking:CallbackToken).");
        app.MapPost("/sms/status/{token}", (HttpContext http, InboxIntake intake, TimeProvider clock, ILogger<InboxIntake> logger) =>
                StoreAsync(http, AfricasTalkingForms.ParseDeliveryReport, intake, clock, logger, Results.Ok()))
            .RequireProviderNetwork(AfricasTalkingOptions.Section)
            .RequireRouteSecret("Africa's Talking", token)
            .WithTags("Webhooks").WithSummary("Africa's Talking delivery reports (secret URL token = AfricasTalking:CallbackToken).");
        app.MapPost("/twilio/inbound", (HttpContext http, InboxIntake intake, TimeProvider clock, ILogger<InboxIntake> logger) =>
                StoreAsync(http, TwilioForms.ParseInbound, intake, clock, logger, Results.Text(EmptyTwiml, "text/xml")))
            .AddEndpointFilter<TwilioSignatureFilter>()
            .WithTags("Webhooks").WithSummary("Twilio inbound SMS/WhatsApp (X-Twilio-Signature checked).");
        app.MapPost("/twilio/status", (HttpContext http, InboxIntake intake, TimeProvider clock, ILogger<InboxIntake> logger) =>
                StoreAsync(http, TwilioForms.ParseStatus, intake, clock, logger, Results.Ok()))
            .AddEndpointFilter<TwilioSignatureFilter>()
            .WithTags("Webhooks").WithSummary("Twilio status callbacks (X-Twilio-Signature checked).");
        return app;
    }

    private static async Task<IResult> StoreAsync(HttpContext http,
        Func<IReadOnlyDictionary<string, string>, DateTimeOffset, InboundEvent> parse,
        InboxIntake intake, TimeProvider clock, ILogger logger, IResult ok)
    {
        if (!http.Request.HasFormContentType) return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Expected a form");
        var form = FormFields.From(await http.Request.ReadFormAsync(http.RequestAborted));
        try
        {
            var inbound = parse(form, clock.GetUtcNow());
            return await intake.StoreAsync([inbound], http.RequestAborted) ? ok : InboxIntake.Unavailable();
        }
        catch (WebhookFormatException ex)
        {
            // Nothing a retry could fix.
            logger.LogWarning("SMS webhook {Route} not readable: {Reason}", http.RouteTemplate(), ex.Message);
            return ok;
        }
    }
}
