using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Time.Testing;

namespace InvoiceFirst.Payments.Tests.Mpesa;

public sealed class DarajaTimestampTests
{
    [Fact]
    public void Now_UtcMorning_FormatsNairobiLocalTime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2021, 6, 28, 6, 24, 8, TimeSpan.Zero));

        Assert.Equal("20210628092408", DarajaTimestamp.Now(time));
    }

    [Fact]
    public void Now_UtcLateEvening_RollsOverToNextNairobiDay()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 12, 31, 22, 30, 0, TimeSpan.Zero));

        Assert.Equal("20250101013000", DarajaTimestamp.Now(time));
    }

    [Fact]
    public void Format_InstantWithOtherOffset_ConvertsToEat()
    {
        var instant = new DateTimeOffset(2024, 3, 10, 12, 0, 0, TimeSpan.FromHours(-5));

        Assert.Equal("20240310200000", DarajaTimestamp.Format(instant));
    }
}
