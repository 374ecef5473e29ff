namespace InvoiceFirst.Bot.Payments;

/// <summary>Wakes the push worker when a payment was queued (polling is the fallback).</summary>
public sealed class PaymentSignal
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
