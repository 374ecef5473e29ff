using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Data.Tests.Domain;

public sealed class MobileNumberParseTests
{
    [Theory]
    [InlineData("0712345678", "254712345678")]
    [InlineData("712345678", "254712345678")]
    [InlineData("254712345678", "254712345678")]
    [InlineData("+254712345678", "254712345678")]
    [InlineData("0712 345 678", "254712345678")]
    [InlineData("+254-712-345-678", "254712345678")]
    [InlineData("+254 712 345 678", "254712345678")]
    [InlineData("  0722000111  ", "254722000111")]
    [InlineData("0110123456", "254110123456")]
    [InlineData("0111987654", "254111987654")]
    [InlineData("110123456", "254110123456")]
    [InlineData("+254 110 123 456", "254110123456")]
    [InlineData("0100123456", "254100123456")]
    [InlineData("0799-999-999", "254799999999")]
    public void TryNormalize_KenyanMobileForms_ReturnsMsisdn(string input, string expected)
    {
        Assert.True(MobileNumber.TryParseKenyan(input, out var msisdn));
        Assert.Equal(expected, msisdn);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0201234567")]
    [InlineData("+254201234567")]
    [InlineData("201234567")]
    [InlineData("+255712345678")]
    [InlineData("+1 415 555 0100")]
    [InlineData("+447700900123")]
    [InlineData("07123456")]
    [InlineData("07123456789")]
    [InlineData("0712abc678")]
    [InlineData("O712345678")]
    [InlineData("+0712345678")]
    [InlineData("+712345678")]
    [InlineData("2547123456789")]
    [InlineData("0812345678")]
    [InlineData("0712.345.678")]
    [InlineData("John")]
    [InlineData("0712345678 1500")]
    public void TryNormalize_NotAKenyanMobile_ReturnsFalse(string input)
    {
        Assert.False(MobileNumber.TryParseKenyan(input, out var msisdn));
        Assert.Equal("", msisdn);
    }
}
