using InvoiceFirst.Data.Workers;

namespace InvoiceFirst.Payments.Payouts;

/// <summary>Wakes the payout sender when a payout was recorded.</summary>
public sealed class PayoutSignal : WorkSignal;
