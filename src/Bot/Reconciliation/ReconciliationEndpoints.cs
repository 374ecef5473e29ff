using System.Globalization;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.Invoices;
using Microsoft.AspNetCore.Mvc;

namespace InvoiceFirst.Bot.Reconciliation;

public static class ReconciliationEndpoints
{
    /// <summary>
    /// <c>GET /reconciliation?date=yyyy-MM-dd</c> (Nairobi day; today when left out). A merchant key gets its own
    /// invoices' differences; the operator's key every difference, or one merchant's with <c>?merchant_id=</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapReconciliationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reconciliation", async (string? date, [FromQuery(Name = "merchant_id")] long? merchantId, HttpContext http,
            MerchantDirectory merchants, Reconciler reconciler, CancellationToken ct) =>
        {
            if (date is { Length: > 0 } && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad date", detail: "Use date=yyyy-MM-dd.");
            DateOnly? day = date is { Length: > 0 } ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            var (scope, refusal) = await merchants.ReadScopeAsync(http, merchantId, ct);
            return refusal ?? Results.Ok(await reconciler.RunAsync(day, scope, ct));
        }).RequireApiKey().WithTags("Reconciliation")
            .WithSummary("What M-PESA received against what invoices recorded, for one Nairobi day (?date=yyyy-MM-dd, today by default).")
            .WithDescription("Here the operator's key without ?merchant_id= reads every merchant, and the money that reached no invoice.");
        return app;
    }
}
