using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Logins;
using Microsoft.AspNetCore.Antiforgery;

namespace InvoiceFirst.Bot.Dashboard;

/// <summary>Logging in to <c>/app</c>: by a code sent in chat, or by the <c>web</c> command's one-tap link; and out.</summary>
public static partial class DashboardEndpoints
{
    private static async Task<IResult> RequestCodeAsync(HttpContext http, string? lang, IAntiforgery antiforgery, LoginThrottle throttle,
        LoginCodes codes, CancellationToken ct)
    {
        var text = Text(lang);
        if (!await antiforgery.IsRequestValidAsync(http)) return Login(http, antiforgery, text, notice: text.FormExpired, status: 400);
        if (!throttle.TryEnter(http)) return Login(http, antiforgery, text, notice: text.TooManyTries, status: 429);
        var entered = (await http.Request.ReadFormAsync(ct))["phone"].ToString().Trim();
        if (!MobileNumber.TryParseKenyan(entered, out var phone))
            return Login(http, antiforgery, text, notice: text.BadPhone, status: 400, enteredPhone: entered.Length > 20 ? entered[..20] : entered);
        await codes.SendAsync(phone, ct);
        return Login(http, antiforgery, text, phone: phone, notice: text.CodeSent(MobileNumber.ToLocal(phone)), isError: false);
    }

    private static async Task<IResult> EnterCodeAsync(HttpContext http, string? lang, IAntiforgery antiforgery, LoginThrottle throttle,
        LoginCodes codes, CancellationToken ct)
    {
        var text = Text(lang);
        if (!await antiforgery.IsRequestValidAsync(http)) return Login(http, antiforgery, text, notice: text.FormExpired, status: 400);
        var form = await http.Request.ReadFormAsync(ct);
        if (!MobileNumber.TryParseKenyan(form["phone"].ToString(), out var phone)) return Login(http, antiforgery, text, notice: text.BadPhone, status: 400);
        var code = form["code"].ToString().Trim();
        if (!LoginCodes.LooksLikeCode(code)) return Login(http, antiforgery, text, phone: phone, notice: text.NotSixDigits, status: 400);
        if (!throttle.TryEnter(http)) return Login(http, antiforgery, text, phone: phone, notice: text.TooManyTries, status: 429);
        if (await codes.VerifyAsync(phone, code, ct) is not { } actor)
            return Login(http, antiforgery, text, phone: phone, notice: text.BadCode, status: 400);
        await AppSession.SignInAsync(http, actor);
        return Results.Redirect("/app");
    }

    private static async Task<IResult> UseLinkAsync(HttpContext http, string token, string? lang, IAntiforgery antiforgery, LoginThrottle throttle,
        LoginLinkRepository links, LoginCodes members, TimeProvider clock, CancellationToken ct)
    {
        var text = Text(lang);
        if (!await antiforgery.IsRequestValidAsync(http)) return Login(http, antiforgery, text, notice: text.FormExpired, status: 400);
        if (!throttle.TryEnter(http)) return Login(http, antiforgery, text, notice: text.TooManyTries, status: 429);
        if (await links.TryUseAsync(token, clock.GetUtcNow(), ct) is not { } phone || await members.MemberAsync(phone, ct) is not { } actor)
            return Login(http, antiforgery, text, notice: text.LinkUsed, status: 400);
        await AppSession.SignInAsync(http, actor);
        return Results.Redirect("/app");
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (await antiforgery.IsRequestValidAsync(http)) await AppSession.SignOutAsync(http);
        return Results.Redirect("/app/login");
    }

    private static IResult Login(HttpContext http, IAntiforgery antiforgery, DashboardText text, string? phone = null, string? notice = null,
        bool isError = true, int status = StatusCodes.Status200OK, string? enteredPhone = null, string? linkToken = null)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return Page<LoginView>(status, new()
        {
            [nameof(LoginView.Text)] = text,
            [nameof(LoginView.Token)] = tokens.RequestToken!,
            [nameof(LoginView.TokenField)] = tokens.FormFieldName,
            [nameof(LoginView.Phone)] = phone,
            [nameof(LoginView.EnteredPhone)] = enteredPhone,
            [nameof(LoginView.Notice)] = notice,
            [nameof(LoginView.NoticeIsError)] = isError,
            [nameof(LoginView.LinkToken)] = linkToken,
        });
    }
}
