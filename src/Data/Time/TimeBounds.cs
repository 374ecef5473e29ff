namespace InvoiceFirst.Data.Time;

/// <summary>What an open end of a date range stands for in SQL, so a range is always two bound parameters (no nulls to type).</summary>
public static class TimeBounds
{
    public static readonly DateTimeOffset Earliest = DateTimeOffset.UnixEpoch;
    public static readonly DateTimeOffset Latest = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
