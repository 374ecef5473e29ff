using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Payouts;
using InvoiceFirst.Data.Privacy;
using InvoiceFirst.Payments.Payouts;
using Microsoft.AspNetCore.Antiforgery;

namespace InvoiceFirst.Bot.Ops;

/// <summary>Failed B2C payouts across every merchant, each retried at most once by a person (the API's rules: one retry, within the available balance).</summary>
public static partial class OpsEndpoints
{
    public sealed record PayoutServices(OperatorPhones Operators, IAntiforgery Antiforgery, PayoutRepository Payouts, MerchantRepository Merchants,
        PayoutRecorder Recorder, TimeProvider Clock);

    private static async Task<IResult> PayoutsAsync(HttpContext http, [AsParameters] PayoutServices s, CancellationToken ct) =>
        await OpsSession.CurrentAsync(http, s.Operators) is null
            ? ToLogin()
            : await PayoutsPageAsync(http, null, false, StatusCodes.Status200OK, s, ct);

    private static async Task<IResult> RetryPayoutAsync(HttpContext http, long id, [AsParameters] PayoutServices s, CancellationToken ct)
    {
        if (await OpsSession.CurrentAsync(http, s.Operators) is not { } user) return ToLogin();
        if (!await s.Antiforgery.IsRequestValidAsync(http))
            return await PayoutsPageAsync(http, OpsText.FormExpired, true, StatusCodes.Status400BadRequest, s, ct);
        var (notice, status) = await s.Recorder.RetryAsync(id, user.Phone, ct) switch
        {
            PayoutRetry.Recorded => (OpsText.PayoutRetried, StatusCodes.Status200OK),
            PayoutRetry.AlreadyRetried => (OpsText.PayoutAlreadyRetried, StatusCodes.Status409Conflict),
            PayoutRetry.OverBalance r => (OpsText.PayoutOverBalance(r.Available.ToKesWithCents()), StatusCodes.Status409Conflict),
            _ => (OpsText.PayoutNotFailed, StatusCodes.Status409Conflict),
        };
        if (status == StatusCodes.Status200OK) OpsLog(http).LogInformation("Operator {Operator} retried payout {PayoutId}", Mask.Phone(user.Phone), id);
        return await PayoutsPageAsync(http, notice, status != StatusCodes.Status200OK, status, s, ct);
    }

    private static async Task<IResult> PayoutsPageAsync(HttpContext http, string? notice, bool isError, int status, PayoutServices s, CancellationToken ct)
    {
        var failed = await s.Payouts.FailedNotRetriedAsync(ListMax, ct);
        var names = new Dictionary<long, string>();
        foreach (var merchantId in failed.Select(p => p.MerchantId).Distinct())
            if (await s.Merchants.GetAsync(merchantId, ct) is { } merchant) names[merchantId] = merchant.Name;
        return Page<OpsPayoutsView>(status, new()
        {
            [nameof(OpsPayoutsView.Form)] = Form(http, s.Antiforgery),
            [nameof(OpsPayoutsView.Failed)] = failed,
            [nameof(OpsPayoutsView.MerchantNames)] = names,
            [nameof(OpsPayoutsView.Now)] = s.Clock.GetUtcNow(),
            [nameof(OpsPayoutsView.Notice)] = notice,
            [nameof(OpsPayoutsView.NoticeIsError)] = isError,
        });
    }
}
