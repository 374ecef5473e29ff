namespace InvoiceFirst.Data.Merchants;

/// <summary>
/// How many of something a merchant may have per Nairobi day: the operator's override for the merchant, else the
/// deployment's default, where 0 or less means no limit. <see cref="Value"/> null: unlimited.
/// </summary>
public readonly record struct DailyLimit(int? Value)
{
    public static DailyLimit Of(int? merchantOverride, int deploymentDefault) =>
        new(merchantOverride ?? (deploymentDefault > 0 ? deploymentDefault : null));

    /// <summary>The first instant of the next Nairobi day, when every daily count starts again.</summary>
    public static DateTimeOffset ResetsAt(DateTimeOffset now) => Time.NairobiTime.StartOfDay(now).AddDays(1);

    /// <summary>The Nairobi calendar day a daily count is kept under.</summary>
    public static string Day(DateTimeOffset now) =>
        Time.NairobiTime.Date(now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A new value for one of a merchant's limit overrides; <see cref="Value"/> null clears it.</summary>
public readonly record struct LimitOverride(int? Value);
