using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Reminders;

/// <summary>Runs <see cref="ReminderScheduler"/> every <c>Reminders:PollSeconds</c> on every instance.</summary>
public sealed class ReminderWorker(
    ReminderScheduler scheduler, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await scheduler.RunOnceAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError("Reminder scheduler failed: {Error}", ex.GetType().Name);
            }
            try { await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
