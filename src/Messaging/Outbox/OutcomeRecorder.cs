using InvoiceFirst.Data.Database;
using Microsoft.Extensions.Logging;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>
/// Writes what a provider answered, retrying while the database is briefly unreachable. Once a
/// send has happened its outcome is known only in this process: dropping it on a database blip
/// would leave the row to lease recovery, which must treat it as unknown and could send it again
/// another way. Retries stop before the row's lease runs out, so recovery never races a late write.
/// </summary>
internal static class OutcomeRecorder
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    public static async Task RecordAsync(Func<Task> write, DateTimeOffset until, TimeProvider clock, ILogger logger, long outboxId)
    {
        var delay = FirstDelay;
        while (true)
        {
            try
            {
                await write();
                return;
            }
            catch (Exception ex) when (Db.IsUnavailable(ex) && clock.GetUtcNow() + delay < until)
            {
                logger.LogWarning("Outbox {OutboxId}: cannot record the send outcome yet ({Error}); retrying", outboxId, ex.GetType().Name);
            }
            await Task.Delay(delay, clock, CancellationToken.None);
            delay = delay * 2 > MaxDelay ? MaxDelay : delay * 2;
        }
    }
}
