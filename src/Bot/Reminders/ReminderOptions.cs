namespace InvoiceFirst.Bot.Reminders;

/// <summary>Settings under <c>Reminders</c>: automatic reminders and invoice expiry.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Runs the background scheduler on this instance (expiry and reminders).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Steps relative to the invoice's expiry, comma separated: <c>-1d,+1d,+3d,+7d</c>.</summary>
    public string Schedule { get; set; } = "-1d,+1d,+3d,+7d";

    public int PollSeconds { get; set; } = 60;

    public int BatchSize { get; set; } = 100;

    /// <summary>Nairobi hours with no reminders; one falling due then waits for <see cref="QuietEndHour"/>.</summary>
    public int QuietStartHour { get; set; } = 21;

    public int QuietEndHour { get; set; } = 7;

    public IReadOnlyList<ReminderStep> Steps() =>
        Schedule.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => ReminderStep.TryParse(s, out var step) ? step : throw new FormatException($"Reminders:Schedule has a bad step '{s}'"))
            .OrderBy(s => s.Offset)
            .ToList();

    public bool IsValid() =>
        PollSeconds > 0 && BatchSize > 0 && QuietStartHour is >= 0 and < 24 && QuietEndHour is >= 0 and < 24 &&
        Schedule.Split(',', StringSplitOptions.RemoveEmptyEntries).All(s => ReminderStep.TryParse(s, out _));
}
