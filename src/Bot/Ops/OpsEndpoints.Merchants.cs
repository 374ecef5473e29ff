using InvoiceFirst.Bot.Merchants;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Ops;
using InvoiceFirst.Data.Privacy;
using InvoiceFirst.Data.Time;
using Microsoft.AspNetCore.Antiforgery;

namespace InvoiceFirst.Bot.Ops;

/// <summary>The merchants page: search, status filter, this month's volumes, and the JSON API's four status changes.</summary>
public static partial class OpsEndpoints
{
    private static async Task<IResult> MerchantsAsync(HttpContext http, string? q, string? status, OperatorPhones operators, IAntiforgery antiforgery,
        MerchantRepository merchants, MerchantVolumeRepository volumes, TimeProvider clock, CancellationToken ct) =>
        await OpsSession.CurrentAsync(http, operators) is null
            ? ToLogin()
            : await MerchantsPageAsync(http, q, status, null, false, StatusCodes.Status200OK, antiforgery, merchants, volumes, clock, ct);

    private static async Task<IResult> ChangeMerchantAsync(HttpContext http, long id, MerchantTransition transition, OperatorPhones operators,
        IAntiforgery antiforgery, MerchantStatusChanges changes, MerchantRepository merchants, MerchantVolumeRepository volumes, TimeProvider clock,
        CancellationToken ct)
    {
        if (await OpsSession.CurrentAsync(http, operators) is not { } user) return ToLogin();
        if (!await antiforgery.IsRequestValidAsync(http))
            return await MerchantsPageAsync(http, null, null, OpsText.FormExpired, true, StatusCodes.Status400BadRequest, antiforgery, merchants, volumes, clock, ct);
        var form = await FormAsync(http, ct);
        var (q, status) = (form["q"].ToString(), form["status"].ToString());
        if (await changes.ChangeAsync(id, transition.From, transition.To, ct) is { } changed)
        {
            OpsLog(http).LogInformation("Operator {Operator} moved merchant {MerchantId} to {Status}", Mask.Phone(user.Phone), id, changed.Status);
            return await MerchantsPageAsync(http, q, status, OpsText.Changed(changed.Name, changed.Status), false, StatusCodes.Status200OK,
                antiforgery, merchants, volumes, clock, ct);
        }
        if (await merchants.GetAsync(id, ct) is not { } merchant) return NotFound(Form(http, antiforgery), OpsText.NoSuchMerchant, "/ops/merchants");
        return await MerchantsPageAsync(http, q, status, OpsText.CannotChange(transition.Action, merchant.Status), true, StatusCodes.Status409Conflict,
            antiforgery, merchants, volumes, clock, ct);
    }

    private static async Task<IResult> MerchantsPageAsync(HttpContext http, string? q, string? status, string? notice, bool isError, int code,
        IAntiforgery antiforgery, MerchantRepository merchants, MerchantVolumeRepository volumes, TimeProvider clock, CancellationToken ct)
    {
        var trimmed = q?.Trim() ?? "";
        var query = trimmed.Length == 0 ? null : trimmed.Length <= 80 ? trimmed : trimmed[..80];
        // A phone typed the local way finds the stored 2547… form.
        var search = query is not null && MobileNumber.TryParseKenyan(query, out var phone) ? phone : query;
        var wanted = status?.Trim().ToUpperInvariant() is { Length: > 0 } s && MerchantStatus.All.Contains(s) ? s : null;
        var rows = await merchants.ListAsync(wanted, search, 0, ListMax, ct);
        var since = NairobiTime.StartOfMonth(clock.GetUtcNow());
        return Page<OpsMerchantsView>(code, new()
        {
            [nameof(OpsMerchantsView.Form)] = Form(http, antiforgery),
            [nameof(OpsMerchantsView.Merchants)] = rows,
            [nameof(OpsMerchantsView.Volumes)] = await volumes.SinceAsync(rows.Select(m => m.Id).ToList(), since, ct),
            [nameof(OpsMerchantsView.Query)] = query,
            [nameof(OpsMerchantsView.Status)] = wanted,
            [nameof(OpsMerchantsView.Notice)] = notice,
            [nameof(OpsMerchantsView.NoticeIsError)] = isError,
        });
    }

    private static ILogger OpsLog(HttpContext http) => http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("InvoiceFirst.Bot.Ops");
}
