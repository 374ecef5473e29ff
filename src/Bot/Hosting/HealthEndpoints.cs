using HealthChecks.NpgSql;
using InvoiceFirst.Data.Database;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.OpenApi;

namespace InvoiceFirst.Bot.Hosting;

/// <summary>
/// <c>/healthz</c> (liveness: the process is up, no I/O) and <c>/readyz</c> (readiness: the database answers and
/// migrations are applied, 503 otherwise) through the framework's health checks.
/// </summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";
    private const string DatabaseCheck = "database";
    private const string MigrationsCheck = "migrations";

    public static IServiceCollection AddHealthEndpoints(this IServiceCollection services)
    {
        services.AddSingleton<MigrationsHealthCheck>();
        services.AddHealthChecks()
            .Add(new HealthCheckRegistration(DatabaseCheck, DatabaseCheckFor, HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(3)))
            .AddCheck<MigrationsHealthCheck>(MigrationsCheck, HealthStatus.Unhealthy, [ReadyTag]);
        services.ConfigureAll<OpenApiOptions>(o => o.AddDocumentTransformer((document, _, _) =>
        {
            Document(document, "/healthz", "Liveness: the process is up (no I/O).");
            Document(document, "/readyz", "Readiness: the database answers and migrations are applied.", "Not ready: the reason says why");
            return Task.CompletedTask;
        }));
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = (http, _) => http.Response.WriteAsJsonAsync(new { status = "ok" }),
        }).WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadinessAsync,
        }).WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
        return app;
    }

    private static IHealthCheck DatabaseCheckFor(IServiceProvider sp)
    {
        var db = sp.GetRequiredService<Db>();
        return db.IsPostgres
            ? new NpgSqlHealthCheck(new NpgSqlHealthCheckOptions(db.PostgresDataSource!))
            : new SqliteHealthCheck(db);
    }

    private static Task WriteReadinessAsync(HttpContext http, HealthReport report)
    {
        if (report.Status == HealthStatus.Healthy) return http.Response.WriteAsJsonAsync(new { status = "ready" });
        // One of two fixed reasons, never an exception's text. While the database is down the journal cannot be read either.
        var pending = report.Entries[DatabaseCheck].Status == HealthStatus.Healthy
            && report.Entries[MigrationsCheck] is { Status: not HealthStatus.Healthy, Exception: null };
        return http.Response.WriteAsJsonAsync(new { status = "unavailable", reason = pending ? MigrationsHealthCheck.Pending : "database unreachable" });
    }

    // Health checks are not minimal API handlers, so the API description would leave them out.
    private static void Document(OpenApiDocument document, string path, string summary, string? unavailable = null)
    {
        var responses = new OpenApiResponses { ["200"] = new OpenApiResponse { Description = "OK" } };
        if (unavailable is not null) responses["503"] = new OpenApiResponse { Description = unavailable };
        document.Tags ??= new HashSet<OpenApiTag>();
        document.Tags.Add(new OpenApiTag { Name = "Health" });
        document.Paths ??= [];
        document.Paths[path] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new()
                {
                    Tags = new HashSet<OpenApiTagReference> { new("Health", document) },
                    Summary = summary,
                    Responses = responses,
                },
            },
        };
    }
}
