using InvoiceFirst.Data.Stats;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Dashboard;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Events;
using InvoiceFirst.Bot.Events;
using InvoiceFirst.Data.Time;
using Microsoft.AspNetCore.Antiforgery;
using InvoiceFirst.Data.Payments;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Dashboard;

/// <summary>
/// The merchant's web dashboard at <c>/app</c>: log in with a code sent by WhatsApp, then the overview. Every
/// form carries an antiforgery token; every page reads the signed-in merchant from the database.
/// </summary>
public static partial class DashboardEndpoints
{
    // One script, served from here (live.js): the live updates. Everything else works without it.
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private const int LatestCount = 10;
    private const int TrendDays = 30;
    private const int PageSize = 20;
    private const int ExportMax = 50_000;

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/app").ExcludeFromDescription();
        group.MapGet("", OverviewAsync);
        group.MapGet("/invoices", InvoicesAsync);
        group.MapGet("/invoices/new", NewInvoiceAsync);
        group.MapPost("/invoices/new", CreateInvoiceAsync);
        group.MapGet("/invoices/{number}", InvoiceAsync);
        group.MapPost("/invoices/{number}/remind", (HttpContext http, string number, InvoiceCommands commands, [AsParameters] InvoicePage page,
            CancellationToken ct) => ActAsync(http, number, "remind", commands, page, ct));
        group.MapPost("/invoices/{number}/cancel", (HttpContext http, string number, InvoiceCommands commands, [AsParameters] InvoicePage page,
            CancellationToken ct) => ActAsync(http, number, "cancel", commands, page, ct));
        group.MapGet("/customers", CustomersAsync);
        group.MapGet("/customers/{id:long}", CustomerAsync);
        group.MapGet("/payments", PaymentsAsync);
        group.MapPost("/payments/{id:long}/apply", ApplyAsync);
        group.MapPost("/invoices/{number}/resend-sms", ResendBySmsAsync);
        group.MapGet("/settings", SettingsAsync);
        group.MapPost("/settings/business", SaveBusinessAsync);
        group.MapPost("/settings/messages", SaveMessagesAsync);
        group.MapPost("/settings/pay", SavePayRouteAsync);
        group.MapPost("/settings/mpesa-link", MpesaLinkAsync);
        group.MapPost("/settings/staff", AddStaffAsync);
        group.MapPost("/settings/staff/remove", RemoveStaffAsync);
        group.MapPost("/settings/keys", CreateKeyAsync);
        group.MapPost("/settings/keys/{id:long}/revoke", RevokeKeyAsync);
        group.MapGet("/events", EventsAsync);
        group.MapGet("/live.js", () => Results.Text(LiveScript.Source, "text/javascript; charset=utf-8"));
        group.MapGet("/export/invoices.csv", ExportInvoicesAsync);
        group.MapGet("/export/payments.csv", ExportPaymentsAsync);
        group.MapGet("/login", (HttpContext http, string? lang, IAntiforgery antiforgery) => Login(http, antiforgery, Text(lang)));
        group.MapPost("/login", RequestCodeAsync);
        group.MapPost("/login/code", EnterCodeAsync);
        group.MapPost("/logout", LogoutAsync);
        group.MapGet("/login/link/{token}", (HttpContext http, string token, string? lang, IAntiforgery antiforgery) =>
            Login(http, antiforgery, Text(lang), linkToken: token.Length <= 64 ? token : null));
        group.MapPost("/login/link/{token}", UseLinkAsync);
        return app;
    }

    private static async Task<IResult> OverviewAsync(HttpContext http, LoginCodes members, AttentionRepository attention, TrendRepository trend,
        InvoiceRepository invoices, Db db, IAntiforgery antiforgery, TimeProvider clock, CancellationToken ct)
    {
        if (await AppSession.CurrentAsync(http, members, ct) is not { } user) return Results.Redirect("/app/login");
        var merchant = user.Merchant;
        var now = clock.GetUtcNow();
        PeriodTotals totals;
        await using (var c = await db.OpenAsync(ct))
            totals = await StatsRepository.TotalsSinceAsync(c, null, merchant.Id,
                NairobiTime.StartOfDay(now), NairobiTime.StartOfWeek(now), NairobiTime.StartOfMonth(now), ct);
        var today = NairobiTime.Date(now);
        var since = NairobiTime.StartOfDay(now).AddDays(1 - TrendDays);
        return SignedIn<OverviewView>(http, antiforgery, user, StatusCodes.Status200OK, new()
        {
            [nameof(OverviewView.Attention)] = await attention.ForMerchantAsync(merchant.Id, now, ct),
            [nameof(OverviewView.Totals)] = totals,
            [nameof(OverviewView.Latest)] = await invoices.ListAsync(merchant.Id, null, null, LatestCount, ct),
            [nameof(OverviewView.Trend)] = await trend.CollectedByDayAsync(merchant.Id, today.AddDays(1 - TrendDays), today, ct),
            [nameof(OverviewView.ByStatus)] = await trend.ByStatusAsync(merchant.Id, since, ct),
            [nameof(OverviewView.MedianTimeToPay)] = await trend.MedianTimeToPayAsync(merchant.Id, since, ct),
        });
    }

    private static async Task<IResult> InvoicesAsync(HttpContext http, LoginCodes members, string? q, string? status, string? from, string? to, int? offset,
        InvoiceRepository invoices, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (await AppSession.CurrentAsync(http, members, ct) is not { } user) return Results.Redirect("/app/login");
        var text = new DashboardText(Language.FromCode(user.Merchant.Language));
        var wanted = StatusFilter(status);
        var (start, startOk) = NairobiDay(from);
        var (end, endOk) = NairobiDay(to);
        var search = new InvoiceSearch(q is { Length: <= 60 } ? q : q?[..60], wanted, start, end?.AddDays(1), Math.Max(0, offset ?? 0), PageSize);
        var (page, total) = await invoices.SearchAsync(user.Merchant.Id, search, ct);
        (string, string?)[] dates = [("from", startOk ? from : null), ("to", endOk ? to : null)];
        (string, string?)[] filters = [("q", search.Text), ("status", wanted?.Value.ToLowerInvariant()), .. dates];
        var (newer, older) = PageLinks("/app/invoices", filters, search.Offset, page.Count, total);
        return SignedIn<InvoicesView>(http, antiforgery, user, StatusCodes.Status200OK, new()
        {
            [nameof(InvoicesView.Search)] = search,
            [nameof(InvoicesView.FromText)] = startOk ? from : null,
            [nameof(InvoicesView.ToText)] = endOk ? to : null,
            [nameof(InvoicesView.Page)] = page,
            [nameof(InvoicesView.Total)] = total,
            [nameof(InvoicesView.NewerHref)] = newer,
            [nameof(InvoicesView.OlderHref)] = older,
            [nameof(InvoicesView.Notice)] = startOk && endOk ? null : text.BadDate,
            [nameof(InvoicesView.ExportQuery)] = Query(filters),
            [nameof(InvoicesView.DatesQuery)] = Query(dates),
        });
    }

    /// <summary>The invoice status a filter names (any case), else null: no filter.</summary>
    private static InvoiceStatus? StatusFilter(string? status) =>
        InvoiceStatus.TryParse(status?.Trim().ToUpperInvariant(), out var s) ? s : null;

    /// <summary>The Newer and Older links of a list page at <paramref name="offset"/> showing <paramref name="count"/> of <paramref name="total"/>, its filters kept; null where there is no such page.</summary>
    private static (string? Newer, string? Older) PageLinks(string path, IEnumerable<(string Key, string? Value)> filters, int offset, int count, long total)
    {
        string Href(int at) => path + Query([.. filters, ("offset", at.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        return (offset > 0 ? Href(Math.Max(0, offset - PageSize)) : null, offset + count < total ? Href(offset + PageSize) : null);
    }

    /// <summary>"?k=v&amp;…" of the pairs that have a value, in their order; "" when none has.</summary>
    private static string Query(IEnumerable<(string Key, string? Value)> pairs) =>
        QueryString.Create(pairs.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => KeyValuePair.Create(p.Key, p.Value))).Value ?? "";

    /// <summary>A yyyy-MM-dd date as the start of that day in Nairobi; blank is no bound; anything else is refused.</summary>
    private static (DateTimeOffset? Start, bool Ok) NairobiDay(string? date)
    {
        if (string.IsNullOrWhiteSpace(date)) return (null, true);
        return DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var day)
            ? (new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), NairobiTime.Offset), true)
            : (null, false);
    }

    /// <summary>The signed-in merchant's events as Server-Sent Events; without a session 204, which tells EventSource to stop.</summary>
    private static async Task<IResult> EventsAsync(HttpContext http, LoginCodes members, EventRepository events, IOptions<EventStreamOptions> options,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        if (await AppSession.CurrentAsync(http, members, ct) is not { } user) return Results.NoContent();
        await EventEndpoints.StreamAsync(http, user.Merchant.Id, events, options.Value, json.Value.SerializerOptions,
            async token => await AppSession.CurrentAsync(http, members, token) is not null, ct);
        return Results.Empty;
    }

    private static DashboardText Text(string? lang) => new(Language.TryParse(lang, out var picked) ? picked : Language.English);

    /// <summary>A page of the signed-in user's: the frame (their words, business, role, form token) and the page's own parameters.</summary>
    private static HtmlPageResult<TComponent> SignedIn<TComponent>(HttpContext http, IAntiforgery antiforgery, AppUser user, int status,
        Dictionary<string, object?> parameters) where TComponent : IComponent
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        parameters["Session"] = new SignedInPage(new DashboardText(Language.FromCode(user.Merchant.Language)), user.Merchant.Name,
            user.Actor.IsOwner, tokens.RequestToken!, tokens.FormFieldName);
        return Page<TComponent>(status, parameters);
    }

    /// <summary>The one answer for what is missing and for what is another merchant's.</summary>
    private static HtmlPageResult<NotFoundView> NotFound(HttpContext http, IAntiforgery antiforgery, AppUser user) =>
        SignedIn<NotFoundView>(http, antiforgery, user, StatusCodes.Status404NotFound, []);

    private static HtmlPageResult<TComponent> Page<TComponent>(int status, Dictionary<string, object?> parameters) where TComponent : IComponent =>
        new(status, parameters, ContentSecurityPolicy);
}
