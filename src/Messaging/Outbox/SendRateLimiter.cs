namespace InvoiceFirst.Messaging.Outbox;

/// <summary>
/// Paces sends to one provider at N per second on a fixed timeline: slot k starts at
/// t0 + k · (1 s + margin) / N, so a sender that wakes late does not push every later slot back
/// and the long-run rate stays at N / (1 s + margin). A pause does not bank slots: a slot is never
/// earlier than one spacing before the moment it is reserved.
/// <para>
/// The provider counts arrivals, which we never see; we only know that a send arrived after it
/// started and before its answer came back. So send k may start only one second after send k−N
/// was answered: then no window of one second at the provider ever holds more than N, whatever
/// the network or the CPU does, and senders waking together after a stall cannot burst past it.
/// On a fast link this never binds; on a slow one the rate falls towards N / (1 s + latency).
/// Per instance: with several instances, set MessagesPerSecond to the provider's limit divided
/// by the number of instances.
/// </para>
/// </summary>
public sealed class SendRateLimiter
{
    private const long Outstanding = long.MinValue;
    private readonly Lock gate = new();
    private readonly TimeProvider clock;
    private readonly long spacingTicks;
    private readonly long secondTicks;
    private readonly long[] answered;
    private long started;
    private long nextSlot = long.MinValue / 2;

    public SendRateLimiter(int perSecond, TimeSpan margin, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perSecond, 1);
        PerSecond = perSecond;
        this.clock = clock;
        spacingTicks = (long)Math.Ceiling((TimeSpan.FromSeconds(1) + margin).TotalSeconds * clock.TimestampFrequency / perSecond);
        secondTicks = clock.TimestampFrequency;
        answered = new long[perSecond];
    }

    public int PerSecond { get; }

    /// <summary>Waits for this send's turn; pass the ticket to <see cref="Answered"/> once the provider call returns (or fails).</summary>
    public async Task<long> WaitAsync(CancellationToken ct)
    {
        var slot = Reserve(clock.GetTimestamp());
        long ticket;
        while (TryStart(slot, clock.GetTimestamp(), out ticket) is { } wait)
            await Task.Delay(wait, clock, ct);
        return ticket;
    }

    public void Answered(long ticket) => Answered(ticket, clock.GetTimestamp());

    /// <summary>The next slot on the timeline (a timestamp), taken for one send.</summary>
    internal long Reserve(long now)
    {
        lock (gate)
        {
            var slot = Math.Max(nextSlot, now - spacingTicks);
            nextSlot = slot + spacingTicks;
            return slot;
        }
    }

    /// <summary>Starts the send of <paramref name="slot"/> at <paramref name="now"/> (null, with its ticket), or says how long to wait.</summary>
    internal TimeSpan? TryStart(long slot, long now, out long ticket)
    {
        lock (gate)
        {
            ticket = started;
            var due = slot;
            if (started >= answered.Length)
            {
                // The send N before this one: until it is answered it may still arrive at any moment.
                var previous = answered[started % answered.Length];
                due = previous == Outstanding ? now + spacingTicks : Math.Max(slot, previous + secondTicks);
            }
            if (now < due) return clock.GetElapsedTime(now, due);
            answered[started % answered.Length] = Outstanding;
            started++;
            return null;
        }
    }

    internal void Answered(long ticket, long now)
    {
        lock (gate) answered[ticket % answered.Length] = now;
    }
}
