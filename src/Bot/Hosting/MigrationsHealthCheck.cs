using InvoiceFirst.Data.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InvoiceFirst.Bot.Hosting;

/// <summary>
/// Ready once every embedded migration is in the journal. A migrator that cannot read the journal throws,
/// and the health check service reports that as unhealthy (its pooled connection can be one the server dropped).
/// </summary>
public sealed class MigrationsHealthCheck(Migrator migrator) : IHealthCheck
{
    public const string Pending = "migrations pending";

    // Migrations only change with a deploy, which starts a new process: once current, always current.
    private volatile bool _migrated;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!_migrated) _migrated = migrator.IsUpToDate();
        return Task.FromResult(_migrated ? HealthCheckResult.Healthy() : new HealthCheckResult(context.Registration.FailureStatus, Pending));
    }
}
