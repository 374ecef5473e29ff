using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Payments.Ledger;

/// <summary>
/// The operator's fee on one collected payment: <c>FeePercent</c> of it, rounded half-up to a whole cent (0.5 cent
/// and more is a cent), then capped at <c>FeeCapKes</c> when that is set. Never more than the payment itself.
/// </summary>
public static class CollectionFee
{
    public static Money For(Money payment, decimal feePercent, long feeCapKes)
    {
        if (!payment.IsPositive || feePercent <= 0) return Money.Zero;
        var exact = payment.Cents * Math.Min(feePercent, 100m) / 100m;
        var fee = Money.FromCents((long)Math.Round(exact, MidpointRounding.AwayFromZero));
        if (feeCapKes > 0) fee = Money.Min(fee, Money.FromShillings(feeCapKes));
        return Money.Min(fee, payment);
    }

    public static Money For(Money payment, LedgerOptions options) => For(payment, options.FeePercent, options.FeeCapKes);
}
