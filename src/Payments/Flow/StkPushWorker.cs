using InvoiceFirst.Data.Payments;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Payments.Flow;

/// <summary>Pushes recorded payments that nobody has pushed yet (taps and SMS arrive through the inbox).</summary>
public sealed class StkPushWorker(
    PaymentRepository payments,
    StkPusher pusher,
    PaymentSignal signal,
    IOptions<PaymentOptions> options,
    TimeProvider clock,
    ILogger<StkPushWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = false;
            try
            {
                if (await payments.ClaimNextPushAsync(clock.GetUtcNow(), stoppingToken) is { } claimed)
                {
                    worked = true;
                    await pusher.PushAsync(claimed, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError("STK push worker failed: {Error}", ex.GetType().Name);
            }
            if (!worked)
            {
                try { await signal.WaitAsync(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
