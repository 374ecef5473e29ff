namespace InvoiceFirst.Data.Workers;

/// <summary>
/// Wakes a waiting worker loop the moment work was queued; polling is the fallback. Each worker
/// has its own subtype so that each gets its own singleton.
/// </summary>
public abstract class WorkSignal
{
    private TaskCompletionSource _pulse = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify() => Interlocked.Exchange(ref _pulse, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            await Volatile.Read(ref _pulse).Task.WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
        }
    }
}
