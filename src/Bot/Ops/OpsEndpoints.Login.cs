using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Dashboard;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Logins;
using Microsoft.AspNetCore.Antiforgery;

namespace InvoiceFirst.Bot.Ops;

/// <summary>
/// Logging in to <c>/ops</c> with the dashboard's pieces: the same code form, throttle and rule that any number hears
/// the same answer; the codes are of their own audience, so a code asked for at <c>/app</c> opens nothing here.
/// </summary>
public static partial class OpsEndpoints
{
    private static async Task<IResult> RequestCodeAsync(HttpContext http, IAntiforgery antiforgery, LoginThrottle throttle, LoginCodes codes,
        OperatorPhones operators, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) return Login(http, antiforgery, notice: OpsText.FormExpired, status: 400);
        if (!throttle.TryEnter(http)) return Login(http, antiforgery, notice: OpsText.TooManyTries, status: 429);
        var entered = (await FormAsync(http, ct))["phone"].ToString().Trim();
        if (!MobileNumber.TryParseKenyan(entered, out var phone))
            return Login(http, antiforgery, notice: OpsText.BadPhone, status: 400, enteredPhone: entered.Length > 20 ? entered[..20] : entered);
        if (operators.Contains(phone)) await codes.IssueAsync(LoginAudience.Ops, phone, Language.English, merchantId: null, ct);
        return Login(http, antiforgery, phone: phone, notice: OpsText.CodeSent(MobileNumber.ToLocal(phone)), isError: false);
    }

    private static async Task<IResult> EnterCodeAsync(HttpContext http, IAntiforgery antiforgery, LoginThrottle throttle, LoginCodes codes,
        OperatorPhones operators, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) return Login(http, antiforgery, notice: OpsText.FormExpired, status: 400);
        var form = await FormAsync(http, ct);
        if (!MobileNumber.TryParseKenyan(form["phone"].ToString(), out var phone)) return Login(http, antiforgery, notice: OpsText.BadPhone, status: 400);
        var code = form["code"].ToString().Trim();
        if (!LoginCodes.LooksLikeCode(code)) return Login(http, antiforgery, phone: phone, notice: OpsText.NotSixDigits, status: 400);
        if (!throttle.TryEnter(http)) return Login(http, antiforgery, phone: phone, notice: OpsText.TooManyTries, status: 429);
        if (!operators.Contains(phone) || !await codes.TryUseAsync(LoginAudience.Ops, phone, code, ct))
            return Login(http, antiforgery, phone: phone, notice: OpsText.BadCode, status: 400);
        await OpsSession.SignInAsync(http, phone);
        return Results.Redirect("/ops");
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (await antiforgery.IsRequestValidAsync(http)) await OpsSession.SignOutAsync(http);
        return ToLogin();
    }

    private static IResult Login(HttpContext http, IAntiforgery antiforgery, string? phone = null, string? notice = null, bool isError = true,
        int status = StatusCodes.Status200OK, string? enteredPhone = null) =>
        Page<OpsLoginView>(status, new()
        {
            [nameof(OpsLoginView.Form)] = Form(http, antiforgery),
            [nameof(OpsLoginView.Phone)] = phone,
            [nameof(OpsLoginView.EnteredPhone)] = enteredPhone,
            [nameof(OpsLoginView.Notice)] = notice,
            [nameof(OpsLoginView.NoticeIsError)] = isError,
        });
}
