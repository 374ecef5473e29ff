using System.Globalization;

namespace InvoiceFirst.Payments.Payouts;

/// <summary>
/// Automatic payouts over Daraja B2C (section <c>Platform:PayoutSchedule</c>): once a Nairobi day at <see cref="At"/>,
/// every active merchant on the collection route whose available balance reaches <see cref="MinimumKes"/> is paid it.
/// </summary>
public sealed class PayoutScheduleOptions
{
    public const string Section = "Platform:PayoutSchedule";

    /// <summary>B2C's own floor per transaction.</summary>
    public const long B2cMinimumKes = 10;

    /// <summary>B2C's ceiling per transaction: a larger balance is paid over several days.</summary>
    public const long B2cMaximumKes = 250_000;

    /// <summary>Nairobi time of the daily run, <c>HH:mm</c> (e.g. <c>18:00</c>); empty: no automatic payouts.</summary>
    public string At { get; set; } = "";

    /// <summary>Smallest payout in whole shillings (at least B2C's KES 10).</summary>
    public long MinimumKes { get; set; } = 100;

    /// <summary>Seconds after a send before Transaction Status is asked about a payout whose result has not come.</summary>
    public int StatusAfterSeconds { get; set; } = 900;

    /// <summary>Seconds a claimed send may take before it counts as unknown and is sent again with the same id.</summary>
    public int ResendAfterSeconds { get; set; } = 60;

    /// <summary>How often the schedule looks at the clock.</summary>
    public int CheckSeconds { get; set; } = 30;

    public bool Enabled => !string.IsNullOrWhiteSpace(At);

    public bool TryGetTime(out TimeOnly time) =>
        TimeOnly.TryParseExact(At.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>The Nairobi day whose run is due at <paramref name="now"/>, unless that day's run is <paramref name="done"/>; null: nothing due.</summary>
    public static DateOnly? DueDay(DateTimeOffset now, TimeOnly at, DateOnly? done)
    {
        var local = now.ToOffset(Data.Time.NairobiTime.Offset);
        var today = DateOnly.FromDateTime(local.DateTime);
        return TimeOnly.FromDateTime(local.DateTime) >= at && done != today ? today : null;
    }
}
