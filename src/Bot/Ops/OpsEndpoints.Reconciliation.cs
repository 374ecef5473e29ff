using System.Globalization;
using InvoiceFirst.Bot.Reconciliation;
using Microsoft.AspNetCore.Antiforgery;

namespace InvoiceFirst.Bot.Ops;

/// <summary>Reconciliation by Nairobi day: the report the JSON endpoint gives the operator's key (every merchant).</summary>
public static partial class OpsEndpoints
{
    private static async Task<IResult> ReconciliationAsync(HttpContext http, string? date, OperatorPhones operators, IAntiforgery antiforgery,
        Reconciler reconciler, TimeProvider clock, CancellationToken ct)
    {
        if (await OpsSession.CurrentAsync(http, operators) is null) return ToLogin();
        var form = Form(http, antiforgery);
        DateOnly day;
        if (string.IsNullOrWhiteSpace(date)) day = Reconciler.Today(clock);
        else if (!DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            return Page<OpsReconciliationView>(StatusCodes.Status400BadRequest, new()
            {
                [nameof(OpsReconciliationView.Form)] = form,
                [nameof(OpsReconciliationView.DateText)] = Reconciler.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                [nameof(OpsReconciliationView.Notice)] = OpsText.BadDate,
            });
        return Page<OpsReconciliationView>(StatusCodes.Status200OK, new()
        {
            [nameof(OpsReconciliationView.Form)] = form,
            [nameof(OpsReconciliationView.Report)] = await reconciler.RunAsync(day, null, ct),
            [nameof(OpsReconciliationView.DateText)] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
    }
}
