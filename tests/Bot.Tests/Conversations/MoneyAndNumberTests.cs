using InvoiceFirst.Data.Domain;
using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.Tests.Conversations;

public sealed class MoneyAndNumberTests
{
    [Theory]
    [InlineData(1500, "KES 1,500")]
    [InlineData(5, "KES 5")]
    [InlineData(1_000_000, "KES 1,000,000")]
    public void FormatKes_WholeShillings_GroupsThousands(long shillings, string expected)
    {
        Assert.Equal(expected, Money.FromShillings(shillings).ToKes());
    }

    [Theory]
    [InlineData("INV-0042", "INV-0042")]
    [InlineData("inv-42", "INV-0042")]
    [InlineData("INV42", "INV-0042")]
    [InlineData("0042", "INV-0042")]
    [InlineData("42", "INV-0042")]
    [InlineData("INV-12345", "INV-12345")]
    public void TryNormalize_TypedNumber_ReturnsCanonical(string input, string expected)
    {
        Assert.True(InvoiceNumber.TryNormalize(input, out var number));
        Assert.Equal(expected, number);
    }

    [Theory]
    [InlineData("")]
    [InlineData("INV-")]
    [InlineData("abc")]
    [InlineData("INV-00x2")]
    [InlineData("0")]
    [InlineData("-42")]
    public void TryNormalize_Garbage_ReturnsFalse(string input)
    {
        Assert.False(InvoiceNumber.TryNormalize(input, out _));
    }
}
