using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Data.Tests.Domain;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(0, "KES 0")]
    [InlineData(1, "KES 1")]
    [InlineData(1500, "KES 1,500")]
    [InlineData(1_000_000, "KES 1,000,000")]
    public void FromShillings_WholeShillings_RoundTripsAndReadsAsPeopleWriteIt(long shillings, string written)
    {
        var money = Money.FromShillings(shillings);

        Assert.Equal(shillings * 100, money.Cents);
        Assert.Equal(shillings, money.Shillings);
        Assert.True(money.IsWholeShillings);
        Assert.Equal(written, money.ToKes());
    }

    [Fact]
    public void Shillings_WithAFraction_DropsItAndSaysSo()
    {
        var money = Money.FromCents(150_050);

        Assert.Equal(1500, money.Shillings);
        Assert.False(money.IsWholeShillings);
    }

    [Fact]
    public void Arithmetic_BalanceAfterOverpayment_NegativeUntilClampedAndMinPicksTheSmaller()
    {
        var balance = Money.FromShillings(1000) - Money.FromShillings(1500);

        Assert.Equal(-50_000, balance.Cents);
        Assert.Equal(Money.Zero, balance.AtLeastZero);
        Assert.Equal(Money.FromShillings(500), -balance);
        Assert.True(balance < Money.Zero);
        Assert.Equal(Money.FromShillings(250_000), Money.Min(Money.FromShillings(1_000_000), Money.FromShillings(250_000)));
    }

    [Fact]
    public void FromShillings_BeyondLong_ThrowsInsteadOfWrapping() =>
        Assert.Throws<OverflowException>(() => Money.FromShillings(long.MaxValue / 10));
}
