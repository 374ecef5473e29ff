using System.Data.Common;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Workers;
using InvoiceFirst.Messaging.Outbox;
using InvoiceFirst.Payments.Flow;

namespace InvoiceFirst.Bot.Inbox;

/// <summary>
/// Handles stored inbox events: woken at once after an insert, polling as a fallback. Several
/// loops run at a time on PostgreSQL (one conversation is still strictly one at a time, see
/// <see cref="InboxRepository.ClaimAsync"/>); one on SQLite, which has a single writer anyway.
/// A batch of events is claimed, handled and marked done in one transaction: one claim, one mark
/// and one commit for up to <see cref="BatchSize"/> turns. A crash rolls the batch back and its events
/// are handled again. When one event fails, the batch's work is rolled back and only that event's failed
/// attempt is recorded (retried with backoff, then kept as FAILED); the others come again in the next batch.
/// </summary>
public sealed class InboxWorker(
    Db db,
    InboxRepository inbox,
    InboundEventRouter router,
    InboxSignal signal,
    OutboxSignal outbox,
    PaymentSignal payments,
    TimeProvider clock,
    ILogger<InboxWorker> logger) : BackgroundService
{
    public const int MaxAttempts = 6;

    /// <summary>Turns per transaction on PostgreSQL (SQLite takes one at a time).</summary>
    public const int BatchSize = 16;

    private const string BeforeTurns = "before_turns";
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
                // The transaction committed: whatever it queued can go now. (A tap's STK prompt was signalled
                // before the commit too, and the push worker may have looked before the row was there.)
                if (worked)
                {
                    outbox.Notify();
                    payments.Notify();
                }
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

    /// <summary>Handles a batch of due events; false when there was none.</summary>
    public Task<bool> HandleNextAsync(CancellationToken ct) =>
        db.InTransactionAsync(async (connection, transaction) =>
        {
            var batch = await inbox.ClaimAsync(connection, transaction, clock.GetUtcNow(), db.IsPostgres ? BatchSize : 1, ct);
            if (batch.Count == 0) return false;
            // Row locks taken by the claim outlive a rollback to this point: a failed turn is recorded while no
            // other worker can take its event, so it is counted once and waits out its backoff.
            await transaction.SaveAsync(BeforeTurns, ct);
            var current = 0;
            try
            {
                for (; current < batch.Count; current++)
                    await RouteAsync(connection, transaction, batch[current], ct);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException && ct.IsCancellationRequested))
            {
                // The turns before it went back too: those events stay due and come in the next batch, without this one.
                await transaction.RollbackAsync(BeforeTurns, ct);
                await RecordFailureAsync(connection, transaction, batch[current], ex, ct);
                return true;
            }
            await inbox.MarkDoneAsync(connection, transaction, batch.Select(i => i.Id), clock.GetUtcNow(), ct);
            return true;
        }, ct);

    private Task RouteAsync(DbConnection connection, DbTransaction transaction, InboxItem item, CancellationToken ct)
    {
        var stored = InboxPayload.Read(item.Payload);
        // Our clock, not the payload's timestamp (a replayed backlog, a skewed sender), says when it came.
        return router.RouteAsync(connection, transaction, stored with { ReceivedAt = item.ReceivedAt }, ct);
    }

    private async Task RecordFailureAsync(DbConnection connection, DbTransaction transaction, InboxItem item, Exception ex, CancellationToken ct)
    {
        var attempt = item.Attempts + 1;
        var now = clock.GetUtcNow();
        DateTimeOffset? retryAt = attempt >= MaxAttempts
            ? null
            : now + Backoff.Exponential(attempt, FirstRetryDelay, TimeSpan.MaxValue, spread: TimeSpan.FromSeconds(1));
        await InboxRepository.RecordFailureAsync(connection, transaction, item.Id, $"{ex.GetType().Name}: {ex.Message}", retryAt, now, ct);
        if (retryAt is null)
            logger.LogError(ex, "Inbox event {InboxId} ({Kind}) failed {Attempts} times and is kept as FAILED for inspection", item.Id, item.Kind, attempt);
        else
            logger.LogWarning("Inbox event {InboxId} ({Kind}) failed (attempt {Attempt}), retrying at {RetryAt}: {Error}",
                item.Id, item.Kind, attempt, retryAt, ex.GetType().Name);
    }
}
