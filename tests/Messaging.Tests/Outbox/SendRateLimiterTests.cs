using InvoiceFirst.Messaging.Outbox;

namespace InvoiceFirst.Messaging.Tests.Outbox;

/// <summary>
/// The limiter's timeline, driven with explicit timestamps (no clock, no waiting): when each send
/// may start given when its sender wakes up and when the provider answers. A send arrives at the
/// provider somewhere between its start and its answer.
/// </summary>
public sealed class SendRateLimiterTests
{
    private const int PerSecond = 10;
    private static readonly TimeSpan Margin = TimeSpan.FromMilliseconds(20);
    private static readonly long Frequency = TimeProvider.System.TimestampFrequency;
    private static readonly long Spacing = Ticks(TimeSpan.FromSeconds(1) + Margin) / PerSecond;

    private static long Ticks(TimeSpan t) => (long)(t.TotalSeconds * Frequency);

    private static long Ms(double ms) => Ticks(TimeSpan.FromMilliseconds(ms));

    private static SendRateLimiter Limiter() => new(PerSecond, Margin, TimeProvider.System);

    private sealed record Sent(long Start, long Answer)
    {
        public long ArrivalAt(Random random) => Start + random.NextInt64(Answer - Start + 1);
    }

    /// <summary>One sender: reserve at <paramref name="now"/>, wake late by <paramref name="lateness"/> each time it is told to wait, then send.</summary>
    private static Sent Send(SendRateLimiter limiter, long now, long lateness, long latency)
    {
        var slot = limiter.Reserve(now);
        long ticket;
        while (limiter.TryStart(slot, now, out ticket) is { } wait) now += Math.Max(1, Ticks(wait)) + lateness;
        limiter.Answered(ticket, now + latency);
        return new Sent(now, now + latency);
    }

    /// <summary>The most of <paramref name="times"/> in any window of one second.</summary>
    private static int BusiestSecond(IEnumerable<long> times)
    {
        var sorted = times.Order().ToArray();
        var max = 0;
        for (int i = 0, j = 0; j < sorted.Length; j++)
        {
            while (sorted[j] - sorted[i] >= Frequency) i++;
            max = Math.Max(max, j - i + 1);
        }
        return max;
    }

    [Fact]
    public void LateWakeUps_DoNotLowerTheLongRunRate()
    {
        var limiter = Limiter();
        var random = new Random(7);
        var sent = new List<Sent>();
        var now = 0L;
        for (var i = 0; i < 1000; i++)
        {
            var send = Send(limiter, now, random.NextInt64(Ms(8)), Ms(2));
            sent.Add(send);
            now = send.Answer;
        }

        // Every wake-up up to 8 ms late, yet 1,000 sends take 998 spacings (the first two go
        // together) plus at most one lateness: lateness does not accumulate.
        Assert.InRange(sent[^1].Start - sent[0].Start, 998 * Spacing, 998 * Spacing + Ms(8) + 1000);
        Assert.InRange(BusiestSecond(sent.Select(s => s.ArrivalAt(random))), 1, PerSecond);
    }

    [Fact]
    public void Pause_DoesNotBankSlots()
    {
        var limiter = Limiter();
        var sent = new List<Sent>();
        var now = 0L;
        for (var i = 0; i < 30; i++) sent.Add(Send(limiter, now = sent.LastOrDefault()?.Answer ?? 0, 0, Ms(1)));

        now = sent[^1].Answer + Ticks(TimeSpan.FromSeconds(5)); // the dispatcher was starved for five seconds
        for (var i = 0; i < 30; i++)
        {
            sent.Add(Send(limiter, now, 0, Ms(1)));
            now = sent[^1].Answer;
        }

        // After the pause the timeline restarts from now: two sends at once at most, then the spacing.
        var after = sent.Skip(30).Select(s => s.Start).ToList();
        Assert.Equal(after[0] + Ms(1), after[1]);
        Assert.InRange(after[^1] - after[1], 28 * Spacing - Ms(1), 28 * Spacing + 1000);
    }

    [Fact]
    public void SendersWakingTogetherAfterAStall_NeverMoreThanTheLimitInASecondAtTheProvider()
    {
        var limiter = Limiter();
        var random = new Random(11);
        // 40 senders reserve their slots at once, then all of them are stalled for 3 s (GC, CPU
        // starvation) and wake together; each retries when told to; answers take 0-300 ms.
        var slots = Enumerable.Range(0, 40).Select(_ => limiter.Reserve(0)).ToArray();
        var wake = slots.Select(_ => Ticks(TimeSpan.FromSeconds(3))).ToArray();
        var pending = Enumerable.Range(0, slots.Length).ToHashSet();
        var sent = new List<Sent>();
        var answers = new PriorityQueue<long, long>();
        while (pending.Count > 0)
        {
            var next = pending.MinBy(i => wake[i]);
            // Answers due by this moment come back first.
            while (answers.TryPeek(out var ticket, out var at) && at <= wake[next]) limiter.Answered(answers.Dequeue(), at);
            if (limiter.TryStart(slots[next], wake[next], out var started) is { } wait)
            {
                wake[next] += Math.Max(1, Ticks(wait));
                continue;
            }
            var send = new Sent(wake[next], wake[next] + random.NextInt64(Ms(300)));
            sent.Add(send);
            answers.Enqueue(started, send.Answer);
            pending.Remove(next);
        }

        Assert.Equal(40, sent.Count);
        Assert.Equal(PerSecond, sent.Count(s => s.Start == Ticks(TimeSpan.FromSeconds(3))));
        for (var trial = 0; trial < 20; trial++)
            Assert.InRange(BusiestSecond(sent.Select(s => s.ArrivalAt(random))), 1, PerSecond);
    }

    [Fact]
    public void UnansweredSends_HoldBackTheNextSecond()
    {
        var limiter = Limiter();
        var tickets = new List<long>();
        for (var i = 0; i < PerSecond; i++)
        {
            var slot = limiter.Reserve(0);
            Assert.Null(limiter.TryStart(slot, Math.Max(slot, 0), out var ticket));
            tickets.Add(ticket);
        }

        // The eleventh may not start while the first is unanswered, however late its slot.
        var eleventh = limiter.Reserve(0);
        Assert.NotNull(limiter.TryStart(eleventh, Ticks(TimeSpan.FromSeconds(10)), out _));

        limiter.Answered(tickets[0], Ticks(TimeSpan.FromSeconds(10)));
        Assert.NotNull(limiter.TryStart(eleventh, Ticks(TimeSpan.FromSeconds(10.5)), out _));
        Assert.Null(limiter.TryStart(eleventh, Ticks(TimeSpan.FromSeconds(11)), out _));
    }
}
