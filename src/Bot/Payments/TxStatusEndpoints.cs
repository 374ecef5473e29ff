using System.Text;
using InvoiceFirst.Bot.Webhooks;
using InvoiceFirst.Data.C2b;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Payments.Mpesa;
using InvoiceFirst.Payments.Flow;

namespace InvoiceFirst.Bot.Payments;

/// <summary>
/// Where Daraja posts Transaction Status answers. Each query has its own unguessable token; an
/// unknown one answers 404 with no effect. A result is stored first and judged by the inbox worker.
/// </summary>
public static class TxStatusEndpoints
{
    public static IEndpointRouteBuilder MapTxStatusEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(C2bUrls.ResultPath, ResultAsync).RequireProviderNetwork(MpesaOptions.SectionName).WithTags("Payments").ExcludeFromDescription();
        app.MapPost(C2bUrls.TimeoutPath, TimeoutAsync).RequireProviderNetwork(MpesaOptions.SectionName).WithTags("Payments").ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ResultAsync(string token, HttpContext http, C2bConfirmationRepository confirmations,
        InboxIntake intake, TimeProvider clock, ILogger<C2bVerifier> logger, CancellationToken ct)
    {
        var body = await RawBody.ReadAsync(http);
        if (body is null) return RawBody.TooLarge();
        if (await FindAsync(token, confirmations, logger, http, ct) is null) return Results.NotFound();

        var raw = Encoding.UTF8.GetString(body);
        var inbound = new TxStatusResultReceived
        {
            Provider = Providers.Mpesa,
            // A redelivery of the same body dedupes; another answer to the same query is a new event.
            EventId = $"txstatus:{token}:{RawBody.Digest(body)}",
            Token = token,
            Result = TransactionStatusParser.Parse(raw),
            Raw = raw,
            Timestamp = clock.GetUtcNow(),
        };
        return await intake.StoreAsync([inbound], ct) ? PaymentEndpoints.CallbackAccepted() : InboxIntake.Unavailable();
    }

    // The query sat in Daraja's queue too long: ask again soon rather than at the usual re-ask time.
    private static async Task<IResult> TimeoutAsync(string token, HttpContext http, C2bConfirmationRepository confirmations,
        TimeProvider clock, ILogger<C2bVerifier> logger, CancellationToken ct)
    {
        if (await RawBody.ReadAsync(http) is null) return RawBody.TooLarge();
        if (await FindAsync(token, confirmations, logger, http, ct) is not { } confirmation) return Results.NotFound();
        var now = clock.GetUtcNow();
        await confirmations.ScheduleQueryAsync(confirmation.Id, now + TimeSpan.FromMinutes(1), now, ct);
        logger.LogInformation("Transaction Status query for confirmation {ConfirmationId} timed out in Daraja's queue; asking again", confirmation.Id);
        return PaymentEndpoints.CallbackAccepted();
    }

    private static async Task<C2bConfirmation?> FindAsync(string token, C2bConfirmationRepository confirmations, ILogger logger,
        HttpContext http, CancellationToken ct)
    {
        var found = token.Length is >= 32 and <= 64 ? await confirmations.FindByQueryTokenAsync(token, ct) : null;
        if (found is null)
            logger.LogWarning("Suspicious Transaction Status answer from {RemoteIp}: unknown token, ignored", http.Connection.RemoteIpAddress);
        return found;
    }

}
