using InvoiceFirst.Messaging.Channels;
using InvoiceFirst.Messaging.WhatsApp;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Webhooks;

public static class WhatsAppWebhookEndpoints
{
    public static IEndpointRouteBuilder MapWhatsAppWebhook(this IEndpointRouteBuilder app)
    {
        app.MapGet("/whatsapp/webhook", (HttpRequest request, IOptions<WhatsAppOptions> options) =>
        {
            var challenge = request.Query["hub.challenge"].ToString();
            return WhatsAppVerification.TryVerify(request.Query["hub.mode"], request.Query["hub.verify_token"], challenge, options.Value.VerifyToken)
                ? Results.Text(challenge, "text/plain")
                : Results.StatusCode(StatusCodes.Status403Forbidden);
        }).WithTags("Webhooks").WithSummary("Meta's verification handshake.");

        app.MapPost("/whatsapp/webhook", ReceiveAsync)
            .AddEndpointFilter<WhatsAppSignatureFilter>()
            .WithTags("Webhooks")
            .WithSummary("Meta Cloud API webhook: messages, button taps and delivery statuses (X-Hub-Signature-256 checked).");
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, InboxIntake intake, TimeProvider clock, ILogger<InboxIntake> logger)
    {
        var body = await RawBody.ReadAsync(http);
        if (body is null) return RawBody.TooLarge();
        try
        {
            var events = WhatsAppWebhookParser.Parse(body, clock.GetUtcNow());
            return await intake.StoreAsync(events, http.RequestAborted) ? Results.Ok() : InboxIntake.Unavailable();
        }
        catch (WebhookFormatException)
        {
            // Authentic but unreadable: a 4xx would only make Meta retry it for a week.
            logger.LogWarning("WhatsApp webhook body is not a readable payload ({Bytes} bytes); acknowledged and dropped", body.Length);
            return Results.Ok();
        }
    }
}
