using System.Text.Json;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Workers;
using InvoiceFirst.Messaging.Outbox;

namespace InvoiceFirst.Bot.Inbox;

/// <summary>
/// Handles stored inbox events: woken at once after an insert, polling as a fallback. Several
/// loops run at a time on PostgreSQL (one conversation is still strictly one at a time, see
/// <see cref="InboxRepository.ClaimNextAsync"/>); one on SQLite, which has a single writer anyway.
/// Each event is claimed, handled and marked done in one transaction: a crash rolls it all back
/// and the event is handled again. A failure is retried with backoff, then kept as FAILED.
/// </summary>
public sealed class InboxWorker(
    Db db,
    InboxRepository inbox,
    InboundEventRouter router,
    InboxSignal signal,
    OutboxSignal outbox,
    TimeProvider clock,
    ILogger<InboxWorker> logger) : BackgroundService
{
    public const int MaxAttempts = 6;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(2);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var loops = db.IsPostgres ? 4 : 1;
        return Task.WhenAll(Enumerable.Range(0, loops).Select(_ => Task.Run(() => LoopAsync(stoppingToken), CancellationToken.None)));
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var worked = false;
            try
            {
                worked = await HandleNextAsync(ct);
                // The transaction committed: whatever it queued can go now.
                if (worked) outbox.Notify();
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError("Inbox worker cannot reach the database: {Error}", ex.GetType().Name);
            }
            if (!worked)
            {
                try { await signal.WaitAsync(PollInterval, ct); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Handles one due event; false when there was none.</summary>
    public async Task<bool> HandleNextAsync(CancellationToken ct)
    {
        InboxItem? item = null;
        try
        {
            return await db.InTransactionAsync(async (connection, transaction) =>
            {
                item = await inbox.ClaimNextAsync(connection, transaction, clock.GetUtcNow(), ct);
                if (item is null) return false;
                var stored = InboxPayload.Read(item.Payload);
                // Our clock, not the payload's timestamp (a replayed backlog, a skewed sender), says when it came.
                var inbound = stored with { ReceivedAt = item.ReceivedAt };
                await router.RouteAsync(connection, transaction, inbound, ct);
                await InboxRepository.MarkDoneAsync(connection, transaction, item.Id, clock.GetUtcNow(), ct);
                return true;
            }, ct);
        }
        catch (Exception ex) when (item is not null && !(ex is OperationCanceledException && ct.IsCancellationRequested))
        {
            await RecordFailureAsync(item, ex, ct);
            return true;
        }
    }

    private async Task RecordFailureAsync(InboxItem item, Exception ex, CancellationToken ct)
    {
        var attempt = item.Attempts + 1;
        var now = clock.GetUtcNow();
        DateTimeOffset? retryAt = attempt >= MaxAttempts
            ? null
            : now + Backoff.Exponential(attempt, FirstRetryDelay, TimeSpan.MaxValue, spread: TimeSpan.FromSeconds(1));
        await inbox.RecordFailureAsync(item.Id, $"{ex.GetType().Name}: {ex.Message}", retryAt, now, ct);
        if (retryAt is null)
            logger.LogError(ex, "Inbox event {InboxId} ({Kind}) failed {Attempts} times and is kept as FAILED for inspection", item.Id, item.Kind, attempt);
        else
            logger.LogWarning("Inbox event {InboxId} ({Kind}) failed (attempt {Attempt}), retrying at {RetryAt}: {Error}",
                item.Id, item.Kind, attempt, retryAt, ex.GetType().Name);
    }
}
