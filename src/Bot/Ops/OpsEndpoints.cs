using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.Merchants;
using InvoiceFirst.Data.Ops;
using InvoiceFirst.Messaging.Outbox;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;

namespace InvoiceFirst.Bot.Ops;

/// <summary>
/// The operator console at <c>/ops</c>: what needs a person across every merchant, and the few actions that fix it.
/// Every page and action re-checks the session's phone against <c>Platform:Operators</c>; every form carries an
/// antiforgery token; without a session a page sends to the login and an action changes nothing.
/// </summary>
public static partial class OpsEndpoints
{
    // The pay page's policy without its script: the console has none.
    private const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private const int ListMax = 100;

    public static IEndpointRouteBuilder MapOps(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/ops").ExcludeFromDescription();
        group.MapGet("", OverviewAsync);
        group.MapGet("/login", (HttpContext http, IAntiforgery antiforgery) => Login(http, antiforgery));
        group.MapPost("/login", RequestCodeAsync);
        group.MapPost("/login/code", EnterCodeAsync);
        group.MapPost("/logout", LogoutAsync);
        group.MapGet("/merchants", MerchantsAsync);
        foreach (var transition in MerchantTransition.All)
            group.MapPost($"/merchants/{{id:long}}/{transition.Action}", (HttpContext http, long id, OperatorPhones operators, IAntiforgery antiforgery,
                    MerchantStatusChanges changes, Data.Merchants.MerchantRepository merchants, MerchantVolumeRepository volumes, TimeProvider clock,
                    CancellationToken ct) => ChangeMerchantAsync(http, id, transition, operators, antiforgery, changes, merchants, volumes, clock, ct));
        group.MapGet("/dead-letters", DeadLettersAsync);
        group.MapPost("/dead-letters/{id:long}/retry", RetryAsync);
        group.MapGet("/review", ReviewAsync);
        group.MapPost("/review/payments/{id:long}/resolve", (HttpContext http, long id, OperatorPhones operators, IAntiforgery antiforgery,
            ReviewQueueRepository queue, TimeProvider clock, CancellationToken ct) => ResolveAsync(http, id, payment: true, operators, antiforgery, queue, clock, ct));
        group.MapPost("/review/items/{id:long}/resolve", (HttpContext http, long id, OperatorPhones operators, IAntiforgery antiforgery,
            ReviewQueueRepository queue, TimeProvider clock, CancellationToken ct) => ResolveAsync(http, id, payment: false, operators, antiforgery, queue, clock, ct));
        group.MapGet("/reconciliation", ReconciliationAsync);
        group.MapGet("/payouts", PayoutsAsync);
        group.MapPost("/payouts/{id:long}/retry", RetryPayoutAsync);
        return app;
    }

    private static async Task<IResult> OverviewAsync(HttpContext http, OperatorPhones operators, IAntiforgery antiforgery, OpsAttentionRepository attention,
        ProviderHealth health, ChannelChain chains, TimeProvider clock, CancellationToken ct)
    {
        if (await OpsSession.CurrentAsync(http, operators) is null) return ToLogin();
        var counts = await attention.ReadAsync(ct);
        return Page<OpsOverviewView>(StatusCodes.Status200OK, new()
        {
            [nameof(OpsOverviewView.Form)] = Form(http, antiforgery),
            [nameof(OpsOverviewView.Attention)] = counts,
            [nameof(OpsOverviewView.OldestAge)] = counts.OldestQueuedAt is { } oldest ? clock.GetUtcNow() - oldest : null,
            [nameof(OpsOverviewView.Providers)] = ProviderHealthEndpoints.Report(health, chains),
        });
    }

    private static IResult ToLogin() => Results.Redirect("/ops/login");

    /// <summary>The posted form; empty when the body is not one (a token sent in a header with some other body gets no 500).</summary>
    private static async Task<IFormCollection> FormAsync(HttpContext http, CancellationToken ct) =>
        http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : FormCollection.Empty;

    private static OpsForm Form(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return new OpsForm(tokens.RequestToken!, tokens.FormFieldName);
    }

    private static HtmlPageResult<TComponent> Page<TComponent>(int status, Dictionary<string, object?> parameters) where TComponent : IComponent =>
        new(status, parameters, ContentSecurityPolicy);

    private static HtmlPageResult<OpsNotFoundView> NotFound(OpsForm form, string notice, string back) =>
        Page<OpsNotFoundView>(StatusCodes.Status404NotFound, new()
        {
            [nameof(OpsNotFoundView.Form)] = form,
            [nameof(OpsNotFoundView.Notice)] = notice,
            [nameof(OpsNotFoundView.Back)] = back,
        });
}
