using InvoiceFirst.Data.Time;

namespace InvoiceFirst.Data.Tests.Time;

public sealed class NairobiTimeTests
{
    [Theory]
    [InlineData(17, 59, false)] // 20:59 Nairobi
    [InlineData(18, 0, true)]   // 21:00
    [InlineData(23, 30, true)]  // 02:30
    [InlineData(3, 59, true)]   // 06:59
    [InlineData(4, 0, false)]   // 07:00
    public void IsWithin_QuietHours_CrossesMidnight(int utcHour, int minute, bool quiet)
    {
        var instant = new DateTimeOffset(2026, 3, 10, utcHour, minute, 0, TimeSpan.Zero);

        Assert.Equal(quiet, NairobiTime.IsWithin(instant, 21, 7));
    }

    [Fact]
    public void StartOfWeek_Sunday_IsPreviousMondayMidnightNairobi()
    {
        // Sunday 15 March 2026, 22:00 UTC is already Monday 16 March 01:00 in Nairobi.
        Assert.Equal(new DateTimeOffset(2026, 3, 16, 0, 0, 0, NairobiTime.Offset), NairobiTime.StartOfWeek(new(2026, 3, 15, 22, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 0, 0, 0, NairobiTime.Offset), NairobiTime.StartOfWeek(new(2026, 3, 15, 12, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void StartOfMonth_LastEveningUtc_IsNextMonthInNairobi()
    {
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, NairobiTime.Offset), NairobiTime.StartOfMonth(new(2026, 3, 31, 22, 0, 0, TimeSpan.Zero)));
    }
}
