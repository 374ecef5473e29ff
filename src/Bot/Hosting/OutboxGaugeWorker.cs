using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Telemetry;

namespace InvoiceFirst.Bot.Hosting;

/// <summary>Refreshes the outbox depth and age gauges every few seconds.</summary>
public sealed class OutboxGaugeWorker(Db db, TimeProvider clock, ILogger<OutboxGaugeWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Written as OR so PostgreSQL can combine the two partial indexes (outbox_fair, outbox_sending).
                const string sql = "SELECT COUNT(*) AS depth, MIN(created_at) AS oldest FROM outbox WHERE status = 'PENDING' OR status = 'SENDING'";
                await using var connection = await db.OpenAsync(stoppingToken);
                var row = await connection.QuerySingleAsync<(long Depth, DateTimeOffset? Oldest)>(
                    new CommandDefinition(sql, cancellationToken: stoppingToken));
                var age = row.Oldest is { } oldest ? (clock.GetUtcNow() - oldest).TotalSeconds : 0;
                InvoiceFirstMetrics.OutboxDepth.Set(row.Depth);
                InvoiceFirstMetrics.OutboxOldestAge.Set(Math.Max(0, age));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogDebug("Outbox gauges not refreshed: {Error}", ex.GetType().Name);
            }
            try { await Task.Delay(Interval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
