using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Payouts;
using InvoiceFirst.Payments.Payouts;

namespace InvoiceFirst.Bot.Merchants;

/// <summary>
/// The operator's view of B2C payouts: a merchant's payouts (<c>GET /merchants/{id}/payouts</c>) and a person's retry of
/// a failed one (<c>POST /payouts/{id}/retry</c>: a new payout with a new OriginatorConversationID; the failed one stays).
/// </summary>
public static class PayoutEndpoints
{
    private const int MaxPage = 200;

    public static IEndpointRouteBuilder MapPayoutEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/payouts/{id:long}/retry", RetryAsync).RequireOperatorKey().WithTags("Merchants")
            .WithSummary("Retry a failed B2C payout: a new payout of the same amount, once, if the merchant's available balance still covers it.");
        return app;
    }

    public static async Task<IResult> ListAsync(long id, long? before, int? limit, MerchantRepository merchants, Db db, CancellationToken ct)
    {
        if (await merchants.GetAsync(id, ct) is null) return Results.Problem(statusCode: 404, title: "No such merchant");
        var size = Math.Clamp(limit ?? 50, 1, MaxPage);
        await using var c = await db.OpenAsync(ct);
        var rows = await PayoutRepository.ListAsync(c, null, id, before ?? 0, size, ct);
        return Results.Ok(new B2cPayoutList(id, rows.Select(B2cPayoutView.From).ToList(), rows.Count == size ? rows[^1].Id : null));
    }

    private static async Task<IResult> RetryAsync(long id, PayoutRecorder recorder, CancellationToken ct) =>
        await recorder.RetryAsync(id, MerchantLedgerEndpoints.OperatorActor, ct) switch
        {
            PayoutRetry.Recorded r => Results.Json(B2cPayoutView.From(r.Payout), statusCode: 201),
            PayoutRetry.NotFailed r => Results.Problem(statusCode: 409, title: $"Only a failed payout can be retried; this one is {r.Payout.Status.ToString().ToLowerInvariant()}"),
            PayoutRetry.AlreadyRetried => Results.Problem(statusCode: 409, title: "This payout was retried already",
                detail: "See GET /merchants/{id}/payouts for the retry."),
            PayoutRetry.OverBalance r => Results.Problem(statusCode: 409, title: "The payout is more than the merchant's available balance",
                detail: $"Available for payouts: {r.Available.Cents} cents."),
            _ => Results.Problem(statusCode: 404, title: "No such payout"),
        };
}

/// <summary>One payout as the API shows it (the phone is the merchant owner's own number).</summary>
public sealed record B2cPayoutView(long Id, long MerchantId, long AmountCents, string Status, string OriginatorConversationId, string? PayoutDay,
    long? RetryOf, string? Receipt, string? ResultCode, string? ResultDescription, int SendAttempts, int StatusQueries, string CreatedBy,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset? FinishedAt)
{
    public static B2cPayoutView From(Payout p) => new(p.Id, p.MerchantId, p.AmountCents, p.Status.ToString().ToLowerInvariant(),
        p.OriginatorConversationId, p.PayoutDay, p.RetryOf, p.Receipt, p.ResultCode, p.ResultDescription, p.SendAttempts, p.StatusQueries,
        p.CreatedBy, p.CreatedAt, p.SentAt, p.FinishedAt);
}

/// <param name="NextBefore">Pass as <c>before</c> for the next (older) page; null on the last.</param>
public sealed record B2cPayoutList(long MerchantId, IReadOnlyList<B2cPayoutView> Payouts, long? NextBefore);
