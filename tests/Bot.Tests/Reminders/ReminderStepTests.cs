using InvoiceFirst.Bot.Reminders;

namespace InvoiceFirst.Bot.Tests.Reminders;

public sealed class ReminderStepTests
{
    [Theory]
    [InlineData("-1d", "-1d", -24)]
    [InlineData("1d", "+1d", 24)]
    [InlineData(" +3D ", "+3d", 72)]
    [InlineData("12h", "+12h", 12)]
    public void TryParse_ValidStep_NormalizesName(string text, string name, int hours)
    {
        Assert.True(ReminderStep.TryParse(text, out var step));
        Assert.Equal(new ReminderStep(name, TimeSpan.FromHours(hours)), step);
    }

    [Theory]
    [InlineData("")]
    [InlineData("d")]
    [InlineData("3w")]
    [InlineData("1.5d")]
    public void TryParse_BadStep_ReturnsFalse(string text)
    {
        Assert.False(ReminderStep.TryParse(text, out _));
    }

    [Fact]
    public void Steps_DefaultSchedule_OrderedByOffset()
    {
        var steps = new ReminderOptions().Steps();

        Assert.Equal(["-1d", "+1d", "+3d", "+7d"], steps.Select(s => s.Name));
    }
}
