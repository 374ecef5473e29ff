namespace InvoiceFirst.Messaging.Outbox;

/// <summary>
/// At most N sends started in any window of one second (plus a margin), however bursty the
/// queue: a sliding-window log of the last N start times, where a send may start only once the
/// N-th previous start has left the window. A token bucket would allow 2N across a refill
/// boundary. Per instance: with several instances, set MessagesPerSecond to the provider's
/// limit divided by the number of instances.
/// </summary>
public sealed class SendRateLimiter
{
    private readonly Lock gate = new();
    private readonly long[] starts;
    private readonly TimeProvider clock;
    private readonly long windowTicks;
    private int next;
    private int used;

    public SendRateLimiter(int perSecond, TimeSpan margin, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perSecond, 1);
        starts = new long[perSecond];
        this.clock = clock;
        windowTicks = (long)((TimeSpan.FromSeconds(1) + margin).TotalSeconds * clock.TimestampFrequency);
    }

    public int PerSecond => starts.Length;

    public async Task WaitAsync(CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                var now = clock.GetTimestamp();
                // The slot about to be overwritten holds the N-th previous start.
                var oldest = starts[next];
                if (used < starts.Length || now - oldest >= windowTicks)
                {
                    starts[next] = now;
                    next = (next + 1) % starts.Length;
                    if (used < starts.Length) used++;
                    return;
                }
                wait = TimeSpan.FromSeconds((double)(windowTicks - (now - oldest)) / clock.TimestampFrequency);
            }
            await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, clock, ct);
        }
    }
}
