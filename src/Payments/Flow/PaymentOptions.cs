using InvoiceFirst.Data.Workers;

namespace InvoiceFirst.Payments.Flow;

/// <summary>Settings of section <c>Payments</c>: how the payment workers pace themselves.</summary>
public sealed class PaymentOptions
{
    public const string Section = "Payments";

    /// <summary>Seconds after a push before STK Query is asked about a payment with no callback yet.</summary>
    public int QueryAfterSeconds { get; set; } = 90;

    /// <summary>Longest wait between two queries of the same payment (the wait doubles up to this).</summary>
    public int MaxQueryIntervalSeconds { get; set; } = 600;

    /// <summary>How often the workers look for work when nothing woke them.</summary>
    public int PollMilliseconds { get; set; } = 1000;

    public TimeSpan QueryAfter => TimeSpan.FromSeconds(QueryAfterSeconds);

    public TimeSpan NextQueryDelay(int attempts) =>
        Backoff.Exponential(attempts + 1, QueryAfter, TimeSpan.FromSeconds(MaxQueryIntervalSeconds));
}
