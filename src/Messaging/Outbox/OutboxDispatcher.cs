using System.Collections.Concurrent;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.AfricasTalking;
using InvoiceFirst.Messaging.Twilio;
using InvoiceFirst.Messaging.WhatsApp;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>
/// Claims due outbox rows as send slots free up and hands each to <see cref="OutboxSender"/>.
/// Woken by <see cref="OutboxSignal"/>, polling as a fallback. On stop it claims nothing more,
/// lets sends already at the provider finish, and gives rows still waiting back to the queue.
/// After a crash, rows whose lease ran out are recovered: never started → queued again;
/// started → unknown outcome, never re-sent on the same provider.
/// </summary>
public sealed class OutboxDispatcher(
    OutboxDispatchRepository rows,
    OutboxSender sender,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    IOptions<WhatsAppOptions> whatsApp,
    IOptions<AfricasTalkingOptions> africasTalking,
    IOptions<TwilioOptions> twilio,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan RecoveryInterval = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<long, Task> inFlight = new();
    private DateTimeOffset lastRecovery = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            logger.LogInformation("Outbox dispatcher disabled (Outbox:Enabled=false)");
            return;
        }
        var parallelism = o.MaxParallelism ?? OutboxOptions.ParallelismFor(
            whatsApp.Value.MessagesPerSecond + africasTalking.Value.MessagesPerSecond + twilio.Value.MessagesPerSecond);
        using var slots = new SemaphoreSlim(parallelism, parallelism);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var claimed = 0;
                try
                {
                    await RecoverAsync(stoppingToken);
                    claimed = await ClaimAndStartAsync(slots, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    // SqlState only: driver messages can quote parameter values.
                    logger.LogError("Outbox dispatcher cannot reach the database: {Error} {SqlState}", ex.GetType().Name,
                        (ex as System.Data.Common.DbException)?.SqlState);
                }
                if (claimed == 0)
                {
                    try { await signal.WaitAsync(o.PollInterval, stoppingToken); }
                    catch (OperationCanceledException) { break; }
                }
            }
        }
        finally
        {
            await Task.WhenAll(inFlight.Values);
        }
    }

    private async Task<int> ClaimAndStartAsync(SemaphoreSlim slots, CancellationToken ct)
    {
        await slots.WaitAsync(ct);
        var free = 1;
        while (free < options.Value.BatchSize && slots.Wait(0)) free++;

        IReadOnlyList<OutboxEntry> batch = [];
        try
        {
            var now = clock.GetUtcNow();
            batch = await rows.ClaimAsync(free, now, now + options.Value.Lease, ct);
        }
        finally
        {
            if (free > batch.Count) slots.Release(free - batch.Count);
        }
        foreach (var entry in batch)
            inFlight[entry.Id] = RunAsync(entry, slots, ct);
        return batch.Count;
    }

    private async Task RunAsync(OutboxEntry entry, SemaphoreSlim slots, CancellationToken ct)
    {
        try
        {
            await Task.Yield();
            await sender.SendAsync(entry, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped while waiting for a rate slot: nothing left, so the row simply goes back.
            await rows.RescheduleAsync(entry.Id, entry.LockedUntil, entry.Attempts, entry.TriedProviders, clock.GetUtcNow(), entry.LastError,
                clock.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The lease runs out and recovery decides from send_started_at.
            logger.LogError("Outbox {OutboxId} send failed: {Error}", entry.Id, ex.GetType().Name);
        }
        finally
        {
            slots.Release();
            inFlight.TryRemove(entry.Id, out _);
        }
    }

    private async Task RecoverAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now - lastRecovery < RecoveryInterval) return;
        lastRecovery = now;
        var released = await rows.ReleaseExpiredUnstartedAsync(now, ct);
        if (released > 0) logger.LogWarning("Outbox: {Count} claimed row(s) never started before their lease ran out; queued again", released);
        foreach (var entry in await rows.ListExpiredStartedAsync(now, ct))
            await sender.ResolveUnknownAsync(entry);
    }
}
