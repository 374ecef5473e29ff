namespace InvoiceFirst.Bot.Inbox;

/// <summary>Wakes every waiting inbox loop the moment an event is stored (polling is the fallback).</summary>
public sealed class InboxSignal
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
