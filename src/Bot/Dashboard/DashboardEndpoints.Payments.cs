using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Data.Payments;
using Microsoft.AspNetCore.Antiforgery;

namespace InvoiceFirst.Bot.Dashboard;

/// <summary>The payments page: every payment of the merchant's, and Paybill money held for it that the owner may apply.</summary>
public static partial class DashboardEndpoints
{
    private static async Task<IResult> PaymentsAsync(HttpContext http, LoginCodes members, string? unapplied, int? offset, MerchantPayments payments,
        IAntiforgery antiforgery, CancellationToken ct) =>
        await AppSession.CurrentAsync(http, members, ct) is { } user
            ? await PaymentsPageAsync(http, user, unapplied is "1" or "true", Math.Max(0, offset ?? 0), null, false, StatusCodes.Status200OK,
                payments, antiforgery, ct)
            : Results.Redirect("/app/login");

    private static async Task<IResult> ApplyAsync(HttpContext http, LoginCodes members, long id, UnappliedMoney money, MerchantPayments payments,
        IAntiforgery antiforgery, CancellationToken ct)
    {
        if (await AppSession.CurrentAsync(http, members, ct) is not { } user) return Results.Redirect("/app/login");
        var text = new DashboardText(Language.FromCode(user.Merchant.Language));
        if (!await antiforgery.IsRequestValidAsync(http))
            return await PaymentsPageAsync(http, user, true, 0, text.FormExpired, true, StatusCodes.Status400BadRequest, payments, antiforgery, ct);
        if (!user.Actor.IsOwner)
            return await PaymentsPageAsync(http, user, true, 0, text.OwnerOnly, true, StatusCodes.Status403Forbidden, payments, antiforgery, ct);
        var typed = (await http.Request.ReadFormAsync(ct))["invoice"].ToString().Trim();
        var outcome = await money.ApplyAsync(user, id, typed, ct);
        if (outcome is UnappliedMoney.Outcome.NoSuchPayment) return NotFound(http, antiforgery, user);
        var (notice, status) = outcome switch
        {
            UnappliedMoney.Outcome.Applied applied => (text.Applied(applied.Amount.ToKes(), applied.InvoiceNumber), StatusCodes.Status200OK),
            UnappliedMoney.Outcome.AlreadyApplied => (text.AlreadyApplied, StatusCodes.Status409Conflict),
            UnappliedMoney.Outcome.NotPayable refused => (text.NotPayable(refused.InvoiceNumber), StatusCodes.Status409Conflict),
            _ => (text.NoSuchInvoice(typed.Length > 20 ? typed[..20] : typed), StatusCodes.Status400BadRequest),
        };
        return await PaymentsPageAsync(http, user, status != StatusCodes.Status200OK, 0, notice, status != StatusCodes.Status200OK, status,
            payments, antiforgery, ct);
    }

    private static async Task<IResult> PaymentsPageAsync(HttpContext http, AppUser user, bool unappliedOnly, int offset, string? notice,
        bool noticeIsError, int status, MerchantPayments payments, IAntiforgery antiforgery, CancellationToken ct)
    {
        var (rows, total) = await payments.ListAsync(user.Merchant.Id, unappliedOnly, offset, PageSize, ct);
        var (newer, older) = PageLinks("/app/payments", [("unapplied", unappliedOnly ? "1" : null)], offset, rows.Count, total);
        return SignedIn<PaymentsView>(http, antiforgery, user, status, new()
        {
            [nameof(PaymentsView.Rows)] = rows,
            [nameof(PaymentsView.Total)] = total,
            [nameof(PaymentsView.Offset)] = offset,
            [nameof(PaymentsView.UnappliedOnly)] = unappliedOnly,
            [nameof(PaymentsView.NewerHref)] = newer,
            [nameof(PaymentsView.OlderHref)] = older,
            [nameof(PaymentsView.Notice)] = notice,
            [nameof(PaymentsView.NoticeIsError)] = noticeIsError,
        });
    }
}
