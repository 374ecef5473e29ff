using Microsoft.Extensions.Options;
using InvoiceFirst.Data.Time;

namespace InvoiceFirst.Bot.Reconciliation;

/// <summary>Runs <see cref="EveningSummary"/> once a day after <c>Reconciliation:SummaryHour</c> (Nairobi).</summary>
public sealed class ReconciliationWorker(EveningSummary summary, IOptions<ReconciliationOptions> options, TimeProvider clock,
    ILogger<ReconciliationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled) return;
        DateOnly? done = null;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, o.CheckIntervalSeconds)), clock);
        do
        {
            var local = clock.GetUtcNow().ToOffset(NairobiTime.Offset);
            var today = DateOnly.FromDateTime(local.DateTime);
            if (local.Hour < o.SummaryHour || done == today) continue;
            try
            {
                await summary.RunAsync(today, stoppingToken);
                done = today;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Reconciliation for {Date} failed; trying again at the next check", today);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
