using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.MessageLog;
using InvoiceFirst.Data.Outbox;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>A send the provider accepted: its row, how it is marked sent, and its log line.</summary>
public sealed record AcceptedSend(OutboxEntry Entry, SentMark Mark, MessageLogEntry Log);

/// <summary>
/// Records accepted sends together with the others accepted meanwhile (<see cref="GroupCommit{TItem,TResult}"/>), in one
/// transaction: their log lines, their rows (each only while still held under its lease) and what delivery means for
/// the business.
/// </summary>
public sealed class AcceptedSends
{
    private readonly GroupCommit<AcceptedSend, bool> _group;

    public AcceptedSends(Db db, OutboxDispatchRepository rows, MessageLogRepository messageLog, IDeliveryEvents events, TimeProvider clock) =>
        _group = new(sends => db.InTransactionAsync<IReadOnlyList<bool>>(async (c, t) =>
        {
            await messageLog.AddAsync(c, t, sends.Select(s => s.Log).ToList(), CancellationToken.None);
            var marked = await rows.MarkSentAsync(c, t, sends.Select(s => s.Mark).ToList(), clock.GetUtcNow(), CancellationToken.None);
            if (marked.Count > 0)
                await events.OnAcceptedAsync(c, t, sends.Where(s => marked.Contains(s.Entry.Id)).Select(s => s.Entry).ToList(), CancellationToken.None);
            return sends.Select(s => marked.Contains(s.Entry.Id)).ToList();
        }, CancellationToken.None));

    /// <summary>Returns once stored: true when the row was still ours and is now SENT. Throws what the write threw (the caller retries).</summary>
    public Task<bool> WriteAsync(AcceptedSend send) => _group.WriteAsync(send);
}
