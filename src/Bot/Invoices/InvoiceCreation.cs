using InvoiceFirst.Data.Invoices;

namespace InvoiceFirst.Bot.Invoices;

/// <summary>What asking <see cref="InvoiceCreator"/> for an invoice came to.</summary>
public abstract record InvoiceCreation
{
    private InvoiceCreation()
    {
    }

    public sealed record Created(Invoice Invoice) : InvoiceCreation;

    /// <summary>The merchant has made <paramref name="Limit"/> invoices this Nairobi day; nothing was written. The count restarts at <paramref name="ResetsAt"/>.</summary>
    public sealed record OverDailyLimit(int Limit, DateTimeOffset ResetsAt) : InvoiceCreation;
}
