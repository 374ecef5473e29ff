using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.Tests.Conversations;

public sealed class AmountParserTests
{
    private const long Max = AmountParser.DefaultMaxShillings;

    [Theory]
    [InlineData("1500", 1500)]
    [InlineData("1,500", 1500)]
    [InlineData("1500.00", 1500)]
    [InlineData("1500.0", 1500)]
    [InlineData("KES 1500", 1500)]
    [InlineData("kes1500", 1500)]
    [InlineData("Ksh1,500", 1500)]
    [InlineData("KSh 1,500", 1500)]
    [InlineData("Kshs 1,500", 1500)]
    [InlineData("Sh 1500", 1500)]
    [InlineData("1500/-", 1500)]
    [InlineData("1500/=", 1500)]
    [InlineData("1.5k", 1500)]
    [InlineData("2K", 2000)]
    [InlineData("1,500.00", 1500)]
    [InlineData("1.25k", 1250)]
    [InlineData("1.250k", 1250)]
    [InlineData("1,000,000", 1_000_000)]
    [InlineData("1000k", 1_000_000)]
    [InlineData("  250  ", 250)]
    [InlineData("1", 1)]
    [InlineData("007", 7)]
    public void Parse_MerchantFormats_ReturnsWholeShillings(string input, long expected)
    {
        var result = AmountParser.Parse(input, Max);

        Assert.True(result.IsSuccess, $"{input}: {result.Error}");
        Assert.Equal(expected, result.Shillings);
    }

    [Theory]
    [InlineData("", AmountError.NotANumber)]
    [InlineData("abc", AmountError.NotANumber)]
    [InlineData("KES", AmountError.NotANumber)]
    [InlineData("1,50", AmountError.NotANumber)]
    [InlineData("15,00", AmountError.NotANumber)]
    [InlineData("1.5.0", AmountError.NotANumber)]
    [InlineData("1 500", AmountError.NotANumber)]
    [InlineData("k", AmountError.NotANumber)]
    [InlineData(".5k", AmountError.NotANumber)]
    [InlineData("١٥٠٠", AmountError.NotANumber)]
    [InlineData("USD 100", AmountError.NotANumber)]
    [InlineData("-5", AmountError.ZeroOrNegative)]
    [InlineData("0", AmountError.ZeroOrNegative)]
    [InlineData("0.00", AmountError.ZeroOrNegative)]
    [InlineData("KES -1,500", AmountError.ZeroOrNegative)]
    [InlineData("0k", AmountError.ZeroOrNegative)]
    [InlineData("1500.50", AmountError.HasCents)]
    [InlineData("1,500.05", AmountError.HasCents)]
    [InlineData("1.2345k", AmountError.HasCents)]
    [InlineData("1e3", AmountError.Exponent)]
    [InlineData("1E5", AmountError.Exponent)]
    [InlineData("2.5e+3", AmountError.Exponent)]
    [InlineData("1,000,001", AmountError.TooLarge)]
    [InlineData("1001k", AmountError.TooLarge)]
    [InlineData("99999999999999999999999999999999999", AmountError.TooLarge)]
    [InlineData("999999999999999k", AmountError.TooLarge)]
    public void Parse_BadAmount_ReturnsSpecificError(string input, AmountError expected)
    {
        var result = AmountParser.Parse(input, Max);

        Assert.False(result.IsSuccess);
        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public void Parse_AboveCallerMaximum_ReturnsTooLarge()
    {
        Assert.Equal(AmountError.TooLarge, AmountParser.Parse("5001", 5000).Error);
        Assert.Equal(5000, AmountParser.Parse("5000", 5000).Shillings);
    }
}
