using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InvoiceFirst.Data.Workers;

/// <summary>
/// A background loop that does one round of work, then waits: a failed round is logged (type
/// only: exception messages may carry data) and the loop goes on; stopping ends it quietly.
/// </summary>
public abstract class PollingWorker(ILogger logger) : BackgroundService
{
    public abstract Task RunOnceAsync(CancellationToken ct);

    /// <summary>Until the next round: a fixed pause, or until something signals work.</summary>
    protected abstract Task WaitAsync(CancellationToken ct);

    protected virtual bool Enabled => true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError("{Worker} failed: {Error}", GetType().Name, ex.GetType().Name);
            }
            try { await WaitAsync(stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
