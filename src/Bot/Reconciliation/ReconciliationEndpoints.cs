using System.Globalization;
using InvoiceFirst.Bot.Hosting;

namespace InvoiceFirst.Bot.Reconciliation;

public static class ReconciliationEndpoints
{
    /// <summary><c>GET /reconciliation?date=yyyy-MM-dd</c> (Nairobi day; today when left out).</summary>
    public static IEndpointRouteBuilder MapReconciliationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reconciliation", async (string? date, Reconciler reconciler, CancellationToken ct) =>
        {
            if (date is { Length: > 0 } && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad date", detail: "Use date=yyyy-MM-dd.");
            DateOnly? day = date is { Length: > 0 } ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
            return Results.Ok(await reconciler.RunAsync(day, ct));
        }).RequireOperatorKey();
        return app;
    }
}
