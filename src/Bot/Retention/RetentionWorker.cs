using InvoiceFirst.Data.Retention;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Retention;

/// <summary>
/// Once a day, on whichever instance takes the lease first, deletes chat data older than
/// <see cref="RetentionOptions.ChatDays"/>. The deletes are idempotent, so a run cut short is simply finished next time.
/// </summary>
public sealed class RetentionWorker(
    RetentionRepository retention, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(23);
    private readonly string _instance = Environment.MachineName + ":" + Guid.NewGuid().ToString("N")[..8];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError("Retention run failed: {Error}", ex.GetType().Name);
            }
            await Task.Delay(options.Value.CheckEvery, clock, stoppingToken);
        }
    }

    /// <summary>Runs the purge if this instance wins today's lease; returns null when another instance has it.</summary>
    public async Task<RetentionCounts?> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!await retention.TryLeaseAsync(_instance, now, Day, ct)) return null;
        var counts = await retention.PurgeAsync(now.AddDays(-options.Value.ChatDays), ct);
        logger.LogInformation("Retention: deleted {Inbox} inbox events, {Outbox} sent messages, {Conversations} conversations, {MessageLog} message log rows older than {Days} days",
            counts.InboxEvents, counts.OutboxRows, counts.Conversations, counts.MessageLogRows, options.Value.ChatDays);
        return counts;
    }
}
