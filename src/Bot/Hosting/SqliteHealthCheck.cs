using Dapper;
using InvoiceFirst.Data.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InvoiceFirst.Bot.Hosting;

/// <summary>
/// The embedded database answers a query, as AspNetCore.HealthChecks.NpgSql checks PostgreSQL. What it
/// throws, the health check service reports as unhealthy.
/// </summary>
public sealed class SqliteHealthCheck(Db db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: ct));
        return HealthCheckResult.Healthy();
    }
}
