using Dapper;
using InvoiceFirst.Data.Database;

namespace InvoiceFirst.Bot.Hosting;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }))
            .WithTags("Health").WithSummary("Liveness: the process is up (no I/O).");

        app.MapGet("/readyz", async (Readiness readiness, CancellationToken ct) =>
        {
            var problem = await readiness.CheckAsync(ct);
            return problem is null
                ? Results.Ok(new { status = "ready" })
                : Results.Json(new { status = "unavailable", reason = problem }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).WithTags("Health").WithSummary("Readiness: the database answers and migrations are applied.");
        return app;
    }
}

/// <summary>Answers whether this instance can do useful work right now.</summary>
public sealed class Readiness(Db db, Migrator migrator, ILogger<Readiness> logger)
{
    // Migrations only change with a deploy, which starts a new process: once current, always current.
    private volatile bool _migrated;

    public async Task<string?> CheckAsync(CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await using var connection = await db.OpenAsync(timeout.Token);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: timeout.Token));
            // Inside the try: the migrator's own pooled connection can still be one the server dropped during an outage.
            if (!_migrated && !(_migrated = migrator.IsUpToDate()))
                return "migrations pending";
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning("Readiness: database unreachable ({Error})", ex.GetType().Name);
            return "database unreachable";
        }
        return null;
    }
}
