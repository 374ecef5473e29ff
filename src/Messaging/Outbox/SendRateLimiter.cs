namespace InvoiceFirst.Messaging.Outbox;

/// <summary>
/// At most N sends in any window of one second (plus a margin), however bursty the queue: sends
/// start at least (1 s + margin) / N apart, so any N+1 consecutive starts span more than the
/// window. Evenly paced starts also arrive evenly: a token bucket or a sliding log lets N sends
/// leave together, and a little network or CPU jitter then lands two such bursts in one second
/// at the provider. Per instance: with several instances, set MessagesPerSecond to the
/// provider's limit divided by the number of instances.
/// </summary>
public sealed class SendRateLimiter
{
    private readonly Lock gate = new();
    private readonly TimeProvider clock;
    private readonly long spacingTicks;
    private long nextStart;

    public SendRateLimiter(int perSecond, TimeSpan margin, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perSecond, 1);
        PerSecond = perSecond;
        this.clock = clock;
        spacingTicks = (long)Math.Ceiling((TimeSpan.FromSeconds(1) + margin).TotalSeconds * clock.TimestampFrequency / perSecond);
    }

    public int PerSecond { get; }

    public async Task WaitAsync(CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                // Spaced from the previous actual start, not from a reservation: senders that wake
                // together after a pause (GC, CPU starvation) still leave one spacing apart.
                var now = clock.GetTimestamp();
                if (now >= nextStart)
                {
                    nextStart = now + spacingTicks;
                    return;
                }
                wait = clock.GetElapsedTime(now, nextStart);
            }
            await Task.Delay(wait, clock, ct);
        }
    }
}
