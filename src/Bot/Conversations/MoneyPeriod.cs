namespace InvoiceFirst.Bot.Conversations;

/// <summary>Money on a period's invoices, in whole shillings; what was not collected is outstanding.</summary>
public sealed record MoneyPeriod(long InvoicedShillings, long CollectedShillings)
{
    public long OutstandingShillings => Math.Max(0, InvoicedShillings - CollectedShillings);
}
