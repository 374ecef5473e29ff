using InvoiceFirst.Data.Domain;
using System.Security.Cryptography;
using System.Text;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.Webhooks;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Bot.Invoices;
using InvoiceFirst.Payments.Mpesa;
using Microsoft.AspNetCore.Mvc;
using InvoiceFirst.Payments.Flow;

namespace InvoiceFirst.Bot.Payments;

public static class PaymentEndpoints
{
    public static IEndpointRouteBuilder MapPaymentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/payments/stk/callback/{token}", CallbackAsync).RequireProviderNetwork(MpesaOptions.SectionName)
            .WithTags("Payments").ExcludeFromDescription();
        app.MapPost("/payments/stk/initiate", InitiateAsync).RequireApiKey().WithTags("Payments")
            .WithSummary("Start an STK push for an invoice; the Idempotency-Key header is required.");
        return app;
    }

    private static async Task<IResult> CallbackAsync(string token, HttpContext http, PaymentRepository payments, InboxIntake intake,
        TimeProvider clock, ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger("InvoiceFirst.Payments.StkCallback");
        var body = await RawBody.ReadAsync(http);
        if (body is null) return RawBody.TooLarge();

        var payment = token.Length is > 0 and <= 64 ? await payments.GetByCallbackTokenAsync(token, ct) : null;
        // The lookup finds the row; the constant-time compare is what decides.
        var matches = payment?.CallbackToken is { } stored
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stored), Encoding.UTF8.GetBytes(token));
        // Settled or already with a person: nothing a callback says can change it. A closed (failed,
        // cancelled, expired) payment still listens: a late success goes to review.
        if (!matches || payment!.Status == PaymentStatus.Success || payment.Status == PaymentStatus.NeedsReview)
        {
            logger.LogWarning("Suspicious or late STK callback from {RemoteIp}: token {Known}, ignored",
                http.Connection.RemoteIpAddress, matches ? "of a final payment" : "unknown");
            return CallbackAccepted();
        }

        var parsed = StkCallbackParser.Parse(body);
        var inbound = new StkCallbackReceived
        {
            Provider = Providers.Mpesa,
            // A redelivery repeats the result; a different result for the same checkout is a new event.
            EventId = $"stk:{parsed.CheckoutRequestId ?? token}:{parsed.Callback?.ResultCode}",
            Token = token,
            Parsed = parsed,
            Raw = Encoding.UTF8.GetString(body),
            Timestamp = clock.GetUtcNow(),
        };
        return await intake.StoreAsync([inbound], ct) ? CallbackAccepted() : InboxIntake.Unavailable();
    }

    /// <summary>What Daraja expects back from a result callback, once it is stored.</summary>
    internal static IResult CallbackAccepted() => Results.Json(new Dictionary<string, object> { ["ResultCode"] = 0, ["ResultDesc"] = "Accepted" });

    private static async Task<IResult> InitiateAsync(InitiatePaymentRequest body, [FromQuery(Name = "merchant_id")] long? merchantId,
        HttpRequest http, Db db, InvoiceRepository invoices, MerchantDirectory merchants, PaymentInitiator initiator, StkPusher pusher,
        CancellationToken ct)
    {
        var key = http.Headers["Idempotency-Key"].ToString();
        if (key.Length is 0 or > 200)
            return Results.Problem(statusCode: 400, title: "An Idempotency-Key header (at most 200 characters) is required");
        if (string.IsNullOrWhiteSpace(body.InvoiceId)) return Results.Problem(statusCode: 400, title: "invoice_id is required");
        var (merchant, refusal) = await merchants.ForRequestAsync(http.HttpContext, merchantId, ct);
        if (merchant is null) return refusal!;
        var invoice = body.InvoiceId.Length <= 64 ? await invoices.GetForMerchantAsync(merchant.Id, body.InvoiceId, ct) : null;
        if (invoice is null) return Results.Problem(statusCode: 404, title: "No such invoice");

        var payer = invoice.Msisdn;
        if (!string.IsNullOrWhiteSpace(body.Msisdn) && !MobileNumber.TryParseKenyan(body.Msisdn, out payer))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["msisdn"] = ["Not a Kenyan mobile number"] });

        var started = await db.InTransactionAsync((c, t) => initiator.StartAsync(c, t, invoice, payer, "api:" + key, null, ct), ct);
        switch (started.Kind)
        {
            case InitiationKind.Started:
                await pusher.TryPushAsync(started.Payment!.Id, ct);
                return Results.Json(PaymentView.Of(await Reload(db, started.Payment.Id, ct)), statusCode: 202);
            case InitiationKind.Existing:
                return Results.Ok(PaymentView.Of(started.Payment!));
            case InitiationKind.AlreadyLive:
                return Results.Json(PaymentView.Of(started.Payment!), statusCode: 409);
            default:
                return Results.Problem(statusCode: 409, title: $"Invoice {invoice.Number} is {invoice.Status.Value.ToLowerInvariant()}: nothing to pay");
        }
    }

    private static async Task<Payment> Reload(Db db, long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await PaymentRepository.GetAsync(connection, null, id, ct))!;
    }
}
