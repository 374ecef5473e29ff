using System.Text;
using InvoiceFirst.Bot.Webhooks;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Payouts;
using InvoiceFirst.Payments.Mpesa;
using InvoiceFirst.Payments.Payouts;

namespace InvoiceFirst.Bot.Payments;

/// <summary>
/// Where Daraja posts what became of a B2C payout: its result, its queue time-out, and the answers to Transaction Status
/// queries about it. Each URL carries a token of its own (only its hash is stored); an unknown one answers 404 with no
/// effect. A result is applied in one transaction that decides by a conditional update, so a repeat changes nothing.
/// </summary>
public static class PayoutResultEndpoints
{
    public static IEndpointRouteBuilder MapPayoutResultEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(PayoutUrls.ResultPath, ResultAsync).RequireProviderNetwork(MpesaOptions.SectionName).WithTags("Payments").ExcludeFromDescription();
        app.MapPost(PayoutUrls.TimeoutPath, TimeoutAsync).RequireProviderNetwork(MpesaOptions.SectionName).WithTags("Payments").ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ResultAsync(string token, HttpContext http, PayoutRepository payouts, PayoutResults results,
        ILogger<PayoutResults> logger, CancellationToken ct)
    {
        var body = await RawBody.ReadAsync(http);
        if (body is null) return RawBody.TooLarge();
        try
        {
            if (await FindAsync(token, payouts, logger, http, ct) is not { } found) return Results.NotFound();
            var (payout, purpose) = found;
            var raw = Encoding.UTF8.GetString(body);
            if (purpose == PayoutTokenPurpose.Status && TransactionStatusParser.Parse(raw) is { } status)
                await results.ApplyStatusAsync(payout, status, ct);
            else if (purpose == PayoutTokenPurpose.Result && B2cResultParser.Parse(raw) is { } result)
                await results.ApplyResultAsync(payout, result, ct);
            else
                logger.LogWarning("Unreadable answer about payout {PayoutId} ({Purpose}); ignored, Transaction Status will tell", payout.Id, purpose);
            return PaymentEndpoints.CallbackAccepted();
        }
        catch (Exception e) when (Db.IsUnavailable(e))
        {
            logger.LogError("Payout result not applied, the database is unavailable: {Error}", e.GetType().Name);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    // The request sat in Daraja's queue too long: ask Transaction Status soon, never pay again.
    private static async Task<IResult> TimeoutAsync(string token, HttpContext http, PayoutRepository payouts, TimeProvider clock,
        ILogger<PayoutResults> logger, CancellationToken ct)
    {
        if (await RawBody.ReadAsync(http) is null) return RawBody.TooLarge();
        if (await FindAsync(token, payouts, logger, http, ct) is not { } found) return Results.NotFound();
        var payout = found.Item1;
        var now = clock.GetUtcNow();
        await payouts.ScheduleCheckAsync(payout.Id, now + TimeSpan.FromMinutes(1), now, ct);
        logger.LogInformation("Payout {PayoutId} timed out in Daraja's queue; Transaction Status is asked next", payout.Id);
        return PaymentEndpoints.CallbackAccepted();
    }

    private static async Task<(Payout, PayoutTokenPurpose)?> FindAsync(string token, PayoutRepository payouts, ILogger logger, HttpContext http,
        CancellationToken ct)
    {
        var found = token.Length is >= 32 and <= 64 ? await payouts.FindByTokenAsync(token, ct) : null;
        if (found is null)
            logger.LogWarning("Suspicious payout result from {RemoteIp}: unknown token, ignored", http.Connection.RemoteIpAddress);
        return found;
    }
}
