namespace InvoiceFirst.Testing.Fakes;

/// <summary>Thread-safe log of received requests with waits that complete as soon as enough arrive.</summary>
public sealed class FakeDarajaRecorder
{
    private readonly object gate = new();
    private readonly List<FakeDarajaRequest> requests = [];
    private readonly List<(string Path, int Count, TaskCompletionSource Done)> waiters = [];

    public IReadOnlyList<FakeDarajaRequest> All
    {
        get { lock (gate) return requests.ToArray(); }
    }

    public IReadOnlyList<FakeDarajaRequest> For(string path)
    {
        lock (gate) return requests.Where(r => r.Path == path).ToArray();
    }

    public void Record(FakeDarajaRequest request)
    {
        lock (gate)
        {
            requests.Add(request);
            foreach (var waiter in waiters.Where(w => CountLocked(w.Path) >= w.Count).ToArray())
            {
                waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    /// <summary>Completes when <paramref name="count"/> requests to <paramref name="path"/> have arrived; throws TimeoutException at the deadline.</summary>
    public Task WaitForAsync(string path, int count, TimeSpan timeout)
    {
        lock (gate)
        {
            if (CountLocked(path) >= count) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((path, count, done));
            return done.Task.WaitAsync(timeout);
        }
    }

    private int CountLocked(string path) => requests.Count(r => r.Path == path);
}
