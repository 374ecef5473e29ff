using InvoiceFirst.Data.Workers;

namespace InvoiceFirst.Bot.Payments;

/// <summary>Wakes the push worker when a payment was queued.</summary>
public sealed class PaymentSignal : WorkSignal;
