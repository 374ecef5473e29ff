using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Payments;

namespace InvoiceFirst.Payments.Flow;

public enum InitiationKind
{
    /// <summary>A new payment is recorded; the push follows after commit.</summary>
    Started,

    /// <summary>The same idempotency key was seen before: this is that payment.</summary>
    Existing,

    /// <summary>Another prompt for the invoice is still open: no second push.</summary>
    AlreadyLive,
    Paid,

    /// <summary>Cancelled or expired.</summary>
    Closed,
}

public sealed record Initiation(InitiationKind Kind, Invoice Invoice, Payment? Payment = null);
