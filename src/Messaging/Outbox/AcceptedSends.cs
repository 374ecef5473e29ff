using System.Collections.Concurrent;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.MessageLog;
using InvoiceFirst.Data.Outbox;

namespace InvoiceFirst.Messaging.Outbox;

/// <summary>A send the provider accepted: its row, how it is marked sent, and its log line.</summary>
public sealed record AcceptedSend(OutboxEntry Entry, SentMark Mark, MessageLogEntry Log);

/// <summary>
/// Records accepted sends in groups (group commit). Each send waits until its outcome is stored; the send that
/// finds no write under way stores every send queued by then in one transaction: their log lines, their rows
/// (each only while still held under its lease) and what delivery means for the business. Under load one commit
/// then serves many sends; alone, a send is written at once as before. A group whose statement the database
/// refuses (a provider's message id it cannot store) is written again one send per transaction, so one
/// unrecordable send cannot take the others' outcomes with it.
/// </summary>
public sealed class AcceptedSends(
    Db db,
    OutboxDispatchRepository rows,
    MessageLogRepository messageLog,
    IDeliveryEvents events,
    TimeProvider clock)
{
    public const int MaxGroup = 64;
    private readonly ConcurrentQueue<Pending> _queued = new();
    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>Returns once <paramref name="send"/> is stored; throws what its write threw (the caller retries while the database is away).</summary>
    public async Task WriteAsync(AcceptedSend send)
    {
        var pending = new Pending(send);
        _queued.Enqueue(pending);
        await _writing.WaitAsync();
        try
        {
            while (!pending.Stored.Task.IsCompleted && Take() is { Count: > 0 } group)
                await WriteGroupAsync(group);
        }
        finally
        {
            _writing.Release();
        }
        await pending.Stored.Task;
    }

    private List<Pending> Take()
    {
        var group = new List<Pending>();
        while (group.Count < MaxGroup && _queued.TryDequeue(out var next)) group.Add(next);
        return group;
    }

    private async Task WriteGroupAsync(List<Pending> group)
    {
        try
        {
            await StoreAsync(group);
        }
        catch (Exception ex) when (group.Count > 1 && Db.IsRefusedStatement(ex))
        {
            foreach (var one in group) await WriteGroupAsync([one]);
        }
        catch (Exception ex)
        {
            foreach (var p in group) p.Stored.TrySetException(ex);
        }
    }

    private async Task StoreAsync(List<Pending> group)
    {
        var sends = group.Select(p => p.Send).ToList();
        await db.InTransactionAsync(async (c, t) =>
        {
            await messageLog.AddAsync(c, t, sends.Select(s => s.Log).ToList(), CancellationToken.None);
            var marked = await rows.MarkSentAsync(c, t, sends.Select(s => s.Mark).ToList(), clock.GetUtcNow(), CancellationToken.None);
            if (marked.Count > 0)
                await events.OnAcceptedAsync(c, t, sends.Where(s => marked.Contains(s.Entry.Id)).Select(s => s.Entry).ToList(), CancellationToken.None);
        }, CancellationToken.None);
        foreach (var p in group) p.Stored.TrySetResult();
    }

    private sealed class Pending(AcceptedSend send)
    {
        public AcceptedSend Send { get; } = send;
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
