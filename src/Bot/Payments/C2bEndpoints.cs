using System.Text;
using InvoiceFirst.Bot.Webhooks;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Bot.Payments;

/// <summary>Safaricom's C2B validation and confirmation calls for Paybill/Till payments made by hand.</summary>
public static class C2bEndpoints
{
    public static IEndpointRouteBuilder MapC2bEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/payments/c2b/validation", ValidateAsync).WithTags("Payments").ExcludeFromDescription();
        app.MapPost("/payments/c2b/confirmation", ConfirmAsync).WithTags("Payments").ExcludeFromDescription();
        return app;
    }

    // Unmatched accounts are accepted on purpose: refusing would bounce a customer's money, and
    // the merchant is told about unapplied payments instead.
    private static async Task<IResult> ValidateAsync(HttpContext http, CancellationToken ct)
    {
        var body = await RawBody.ReadAsync(http);
        if (body is null) return RawBody.TooLarge();
        var parsed = C2bParser.Parse(Encoding.UTF8.GetString(body));
        var answer = parsed.IsValid ? C2bResponses.Accept() : C2bResponses.Reject(C2bRejectReason.InvalidAmount);
        return Results.Content(answer, "application/json");
    }

    private static async Task<IResult> ConfirmAsync(HttpContext http, InboxIntake intake, TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var body = await RawBody.ReadAsync(http);
        if (body is null) return RawBody.TooLarge();
        var raw = Encoding.UTF8.GetString(body);
        var parsed = C2bParser.Parse(raw);
        if (parsed.TransId is null)
        {
            loggers.CreateLogger("InvoiceFirst.Payments.C2b").LogWarning("C2B confirmation without a TransID ignored: {Error}", parsed.Error);
            return Results.Content(C2bResponses.ConfirmationAck(), "application/json");
        }

        var inbound = new InboundEvent
        {
            Provider = Providers.Mpesa,
            EventId = "c2b:" + parsed.TransId,
            Kind = InboundKind.C2bConfirmation,
            Raw = raw,
            Timestamp = clock.GetUtcNow(),
        };
        return await intake.StoreAsync([inbound], ct) ? Results.Content(C2bResponses.ConfirmationAck(), "application/json") : InboxIntake.Unavailable();
    }
}
