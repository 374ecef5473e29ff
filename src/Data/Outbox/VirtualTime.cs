namespace InvoiceFirst.Data.Outbox;

/// <summary>
/// The outbox's virtual send times: microseconds since the Unix epoch, a whole number so that both
/// dialects can add a merchant's turn to it and compare in SQL.
/// </summary>
public static class VirtualTime
{
    public static long Of(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    public static long Span(TimeSpan span) => span.Ticks / TimeSpan.TicksPerMicrosecond;
}
