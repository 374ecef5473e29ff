using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>Money on a period's invoices; what was not collected is outstanding.</summary>
public sealed record MoneyPeriod(Money Invoiced, Money Collected)
{
    public Money Outstanding => (Invoiced - Collected).AtLeastZero;
}
