namespace InvoiceFirst.Data.Time;

/// <summary>
/// Calendar questions asked in the merchant's time: Nairobi, UTC+3 all year. No daylight saving,
/// so a fixed offset needs no time-zone database. The one definition every project uses.
/// </summary>
public static class NairobiTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(3);

    /// <summary>The Nairobi calendar date of an instant.</summary>
    public static DateOnly Date(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    public static DateTimeOffset StartOfDay(DateTimeOffset instant)
    {
        var local = instant.ToOffset(Offset);
        return new DateTimeOffset(local.Date, Offset);
    }

    /// <summary>Weeks start on Monday, as Kenyan businesses count them.</summary>
    public static DateTimeOffset StartOfWeek(DateTimeOffset instant)
    {
        var day = StartOfDay(instant);
        var sinceMonday = ((int)day.DayOfWeek + 6) % 7;
        return day.AddDays(-sinceMonday);
    }

    public static DateTimeOffset StartOfMonth(DateTimeOffset instant)
    {
        var local = instant.ToOffset(Offset);
        return new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, Offset);
    }

    /// <summary>True between <paramref name="startHour"/> and <paramref name="endHour"/> local time, across midnight.</summary>
    public static bool IsWithin(DateTimeOffset instant, int startHour, int endHour)
    {
        var hour = instant.ToOffset(Offset).Hour;
        return startHour <= endHour ? hour >= startHour && hour < endHour : hour >= startHour || hour < endHour;
    }
}
