using System.Globalization;

namespace InvoiceFirst.Bot.Reminders;

/// <summary>One automatic reminder, due <see cref="Offset"/> after the invoice's expiry (negative: before it).</summary>
public sealed record ReminderStep(string Name, TimeSpan Offset)
{
    /// <summary>Reads "-1d", "+3d", "12h": a signed whole number of days or hours.</summary>
    public static bool TryParse(string text, out ReminderStep step)
    {
        step = null!;
        text = text.Trim().ToLowerInvariant();
        if (text.Length < 2 || text[^1] is not ('d' or 'h')) return false;
        if (!int.TryParse(text[..^1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)) return false;
        var offset = text[^1] == 'd' ? TimeSpan.FromDays(amount) : TimeSpan.FromHours(amount);
        // The name is what reminder_runs stores, so "1d" and "+1d" must be one step.
        step = new ReminderStep((amount < 0 ? "" : "+") + amount.ToString(CultureInfo.InvariantCulture) + text[^1], offset);
        return true;
    }
}
