using InvoiceFirst.Payments.Payouts;
using Microsoft.Extensions.Time.Testing;

namespace InvoiceFirst.Payments.Tests.Payouts;

/// <summary>When the daily payout run is due: Nairobi time (UTC+3), once per Nairobi day.</summary>
public sealed class PayoutScheduleOptionsTests
{
    private static readonly TimeOnly SixPm = new(18, 0);

    [Fact]
    public void DueDay_FakeClockThroughTheDay_DueFrom1800NairobiOncePerDay()
    {
        // 14:59 UTC is 17:59 in Nairobi.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 14, 59, 0, TimeSpan.Zero));
        DateOnly? done = null;
        var runs = new List<DateOnly>();
        for (var minute = 0; minute < 36 * 60; minute++)
        {
            if (PayoutScheduleOptions.DueDay(clock.GetUtcNow(), SixPm, done) is { } day)
            {
                runs.Add(day);
                done = day;
                Assert.True(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(3)).TimeOfDay >= SixPm.ToTimeSpan());
            }
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal([new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2)], runs);
    }

    [Fact]
    public void DueDay_StartedLateInTheDay_RunsThatDayAtOnce() =>
        Assert.Equal(new DateOnly(2026, 12, 1),
            PayoutScheduleOptions.DueDay(new DateTimeOffset(2026, 12, 1, 20, 30, 0, TimeSpan.Zero), SixPm, new DateOnly(2026, 11, 30)));

    [Fact]
    public void DueDay_JustAfterNairobiMidnight_NextDayNotYet() =>
        Assert.Null(PayoutScheduleOptions.DueDay(new DateTimeOffset(2026, 12, 1, 21, 30, 0, TimeSpan.Zero), SixPm, new DateOnly(2026, 12, 1)));

    [Theory]
    [InlineData("18:00", true)]
    [InlineData(" 07:30 ", true)]
    [InlineData("6pm", false)]
    [InlineData("24:00", false)]
    public void TryGetTime_HhMm(string at, bool valid) => Assert.Equal(valid, new PayoutScheduleOptions { At = at }.TryGetTime(out _));
}
