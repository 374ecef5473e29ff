using InvoiceFirst.Data.Workers;

namespace InvoiceFirst.Payments.Flow;

/// <summary>Wakes the push worker when a payment was queued.</summary>
public sealed class PaymentSignal : WorkSignal;
