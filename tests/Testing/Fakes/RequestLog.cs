namespace InvoiceFirst.Testing.Fakes;

/// <summary>Thread-safe list of received requests that tests can wait on without sleeping.</summary>
public sealed class RequestLog
{
    private readonly Lock gate = new();
    private readonly List<RecordedRequest> requests = [];
    private readonly List<(int Count, TaskCompletionSource Done)> waiters = [];

    public IReadOnlyList<RecordedRequest> All
    {
        get { lock (gate) return [.. requests]; }
    }

    public int Count
    {
        get { lock (gate) return requests.Count; }
    }

    internal void Add(RecordedRequest request)
    {
        lock (gate)
        {
            requests.Add(request);
            foreach (var w in waiters.Where(w => requests.Count >= w.Count).ToList())
            {
                waiters.Remove(w);
                w.Done.TrySetResult();
            }
        }
    }

    /// <summary>Completes once <paramref name="count"/> requests arrived; throws TimeoutException at the deadline.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(int count, TimeSpan timeout)
    {
        TaskCompletionSource done;
        lock (gate)
        {
            if (requests.Count >= count) return [.. requests];
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((count, done));
        }
        try
        {
            await done.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"expected {count} requests within {timeout}, got {Count}");
        }
        return All;
    }
}
