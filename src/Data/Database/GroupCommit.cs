using System.Collections.Concurrent;

namespace InvoiceFirst.Data.Database;

/// <summary>
/// Group commit: many concurrent writers, one statement and one commit for all of them. Each caller queues its item
/// and waits; the caller that finds no write under way takes everything queued by then (up to <c>maxGroup</c>) and
/// stores it with <c>store</c>, which answers one result per item, in order. Alone, a caller writes at once; under
/// load one round trip serves many. A group whose statement the database refuses (<see cref="Db.IsRefusedStatement"/>)
/// is stored again one item at a time, so one item the database cannot take fails alone.
/// </summary>
public sealed class GroupCommit<TItem, TResult>(Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> store, int maxGroup = 64)
{
    private readonly ConcurrentQueue<Pending> _queued = new();
    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>Returns once <paramref name="item"/> is stored, with its result; throws what its write threw.</summary>
    public async Task<TResult> WriteAsync(TItem item)
    {
        var pending = new Pending(item);
        _queued.Enqueue(pending);
        await _writing.WaitAsync();
        try
        {
            // Every group a writer takes is settled before it lets the next one in: an item not settled yet is still queued.
            while (!pending.Result.Task.IsCompleted && Take() is { Count: > 0 } group)
                await StoreAsync(group);
        }
        finally
        {
            _writing.Release();
        }
        return await pending.Result.Task;
    }

    private List<Pending> Take()
    {
        var group = new List<Pending>();
        while (group.Count < maxGroup && _queued.TryDequeue(out var next)) group.Add(next);
        return group;
    }

    private async Task StoreAsync(List<Pending> group)
    {
        try
        {
            var results = await store(group.Select(p => p.Item).ToList());
            for (var i = 0; i < group.Count; i++) group[i].Result.TrySetResult(results[i]);
        }
        catch (Exception ex) when (group.Count > 1 && Db.IsRefusedStatement(ex))
        {
            foreach (var one in group) await StoreAsync([one]);
        }
        catch (Exception ex)
        {
            foreach (var p in group) p.Result.TrySetException(ex);
        }
    }

    private sealed class Pending(TItem item)
    {
        public TItem Item { get; } = item;
        public TaskCompletionSource<TResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
