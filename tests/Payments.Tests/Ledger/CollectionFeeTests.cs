using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Payments.Ledger;

namespace InvoiceFirst.Payments.Tests.Ledger;

public sealed class CollectionFeeTests
{
    [Theory]
    [InlineData(150_000, "1.5", 0, 2_250)]        // KES 1,500 at 1.5 %: KES 22.50
    [InlineData(100, "0.5", 0, 1)]                // half a cent rounds up
    [InlineData(100, "0.49", 0, 0)]               // under half a cent rounds down
    [InlineData(333, "1.5", 0, 5)]                // 4.995 cents: 5
    [InlineData(10_000_000, "2", 100, 10_000)]    // KES 100,000 at 2 % is KES 2,000, capped at KES 100
    [InlineData(150_000, "0", 100, 0)]            // no percent, no fee
    [InlineData(150_000, "100", 0, 150_000)]      // never more than the payment
    public void For_PercentAndCap_RoundsHalfUpToTheCentThenCaps(long cents, string percent, long capKes, long expected) =>
        Assert.Equal(Money.FromCents(expected), CollectionFee.For(Money.FromCents(cents), decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), capKes));

    private static readonly Gen<(long Cents, decimal Percent, long CapKes)> Settings =
        from cents in Gen.Choose(1, 25_000_000).Select(c => (long)c)
        from basisPoints in Gen.Choose(0, 10_000)
        from cap in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 5_000)))
        select (cents, basisPoints / 100m, (long)cap);

    [Property(MaxTest = 2000)]
    public Property For_AnyPaymentPercentAndCap_CreditMinusFeeIsNeverNegativeAndFeeNeverOverCap() => Prop.ForAll(Settings.ToArbitrary(), s =>
    {
        var fee = CollectionFee.For(Money.FromCents(s.Cents), s.Percent, s.CapKes);
        var exact = s.Cents * s.Percent / 100m;
        return s.Cents - fee.Cents >= 0 && fee.Cents >= 0
            && (s.CapKes == 0 || fee.Cents <= s.CapKes * 100)
            && (s.CapKes > 0 && fee.Cents == s.CapKes * 100 || Math.Abs(fee.Cents - exact) <= 0.5m);
    });

    [Property(MaxTest = 500)]
    public Property Entries_ManyPaymentsAndPayouts_SumToTheBalanceAndItNeverGoesBelowZero() => Prop.ForAll(
        Gen.Choose(1, 2_000_000).Select(c => (long)c).ListOf().ToArbitrary(), Gen.Choose(0, 500).ToArbitrary(), (payments, percentTenths) =>
        {
            var percent = percentTenths / 10m;
            var entries = new List<long>();
            long balance = 0;
            foreach (var cents in payments)
            {
                var fee = CollectionFee.For(Money.FromCents(cents), percent, 0).Cents;
                entries.Add(cents);
                entries.Add(-fee);
                balance += cents - fee;
                // A payout of half of what is owed, as the operator might record it.
                var payout = balance / 2;
                if (payout > 0) { entries.Add(-payout); balance -= payout; }
                if (balance < 0) return false;
            }
            return entries.Sum() == balance;
        });
}
