using InvoiceFirst.Data.Domain;
namespace InvoiceFirst.Data.Stats;

/// <summary>Money on invoices (cancelled ones left out) created since each of three starts: day, week, month.</summary>
public sealed record PeriodTotals
{
    public long DayInvoicedCents { get; init; }
    public long DayCollectedCents { get; init; }
    public long WeekInvoicedCents { get; init; }
    public long WeekCollectedCents { get; init; }
    public long MonthInvoicedCents { get; init; }
    public long MonthCollectedCents { get; init; }

    public Money DayInvoiced => Money.FromCents(DayInvoicedCents);
    public Money DayCollected => Money.FromCents(DayCollectedCents);
    public Money WeekInvoiced => Money.FromCents(WeekInvoicedCents);
    public Money WeekCollected => Money.FromCents(WeekCollectedCents);
    public Money MonthInvoiced => Money.FromCents(MonthInvoicedCents);
    public Money MonthCollected => Money.FromCents(MonthCollectedCents);
}
