namespace InvoiceFirst.Data.Stats;

public sealed record SentToPaid
{
    public DateTimeOffset SentAt { get; init; }
    public DateTimeOffset PaidAt { get; init; }
}
