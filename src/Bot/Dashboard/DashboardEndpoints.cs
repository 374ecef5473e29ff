using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Dashboard;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Stats;
using InvoiceFirst.Data.Time;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;

namespace InvoiceFirst.Bot.Dashboard;

/// <summary>
/// The merchant's web dashboard at <c>/app</c>: log in with a code sent by WhatsApp, then the overview. Every
/// form carries an antiforgery token; every page reads the signed-in merchant from the database.
/// </summary>
public static class DashboardEndpoints
{
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private const int LatestCount = 10;

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/app").ExcludeFromDescription();
        group.MapGet("", OverviewAsync);
        group.MapGet("/login", (HttpContext http, string? lang, IAntiforgery antiforgery) => Login(http, antiforgery, Text(lang)));
        group.MapPost("/login", RequestCodeAsync);
        group.MapPost("/login/code", EnterCodeAsync);
        group.MapPost("/logout", LogoutAsync);
        return app;
    }

    private static async Task<IResult> OverviewAsync(HttpContext http, MerchantRepository merchants, AttentionRepository attention,
        InvoiceRepository invoices, Db db, IAntiforgery antiforgery, TimeProvider clock, CancellationToken ct)
    {
        if (await AppSession.CurrentAsync(http, merchants, ct) is not { } user) return Results.Redirect("/app/login");
        var merchant = user.Merchant;
        var now = clock.GetUtcNow();
        PeriodTotals totals;
        await using (var c = await db.OpenAsync(ct))
            totals = await StatsRepository.TotalsSinceAsync(c, null, merchant.Id,
                NairobiTime.StartOfDay(now), NairobiTime.StartOfWeek(now), NairobiTime.StartOfMonth(now), ct);
        var tokens = antiforgery.GetAndStoreTokens(http);
        return Page<OverviewView>(StatusCodes.Status200OK, new()
        {
            [nameof(OverviewView.Text)] = new DashboardText(Language.FromCode(merchant.Language)),
            [nameof(OverviewView.Merchant)] = merchant.Name,
            [nameof(OverviewView.Attention)] = await attention.ForMerchantAsync(merchant.Id, now, ct),
            [nameof(OverviewView.Totals)] = totals,
            [nameof(OverviewView.Latest)] = await invoices.ListAsync(merchant.Id, null, null, LatestCount, ct),
            [nameof(OverviewView.Token)] = tokens.RequestToken!,
            [nameof(OverviewView.TokenField)] = tokens.FormFieldName,
        });
    }

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
        if (await codes.VerifyAsync(phone, code, ct) is not { } merchant)
            return Login(http, antiforgery, text, phone: phone, notice: text.BadCode, status: 400);
        await AppSession.SignInAsync(http, merchant, phone);
        return Results.Redirect("/app");
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (await antiforgery.IsRequestValidAsync(http)) await AppSession.SignOutAsync(http);
        return Results.Redirect("/app/login");
    }

    private static IResult Login(HttpContext http, IAntiforgery antiforgery, DashboardText text, string? phone = null, string? notice = null,
        bool isError = true, int status = StatusCodes.Status200OK, string? enteredPhone = null)
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
        });
    }

    private static DashboardText Text(string? lang) => new(Language.TryParse(lang, out var picked) ? picked : Language.English);

    private static HtmlPageResult<TComponent> Page<TComponent>(int status, Dictionary<string, object?> parameters) where TComponent : IComponent =>
        new(status, parameters, ContentSecurityPolicy);
}
