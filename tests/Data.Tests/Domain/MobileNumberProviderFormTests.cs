using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Data.Tests.Domain;

public sealed class MobileNumberProviderFormTests
{
    [Theory]
    [InlineData("+254712345678", "254712345678")]
    [InlineData("whatsapp:+254712345678", "254712345678")]
    [InlineData("0712 345-678", "254712345678")]
    [InlineData("0110345678", "254110345678")]
    [InlineData("712345678", "254712345678")]
    [InlineData("16505551234", "16505551234")]
    public void ToDigits_KnownForms_ReturnsTwelveDigitForm(string input, string expected) =>
        Assert.Equal(expected, MobileNumber.ToDigits(input));

    [Theory]
    [InlineData("", false)]
    [InlineData("12345", false)]
    [InlineData("not a number", false)]
    [InlineData("254712345678", true)]
    [InlineData("whatsapp:+254712345678", true)]
    [InlineData("CO.1234567890", false)]
    [InlineData("US.13491208655302741918", false)]
    public void IsPlausible_Input_ReturnsExpected(string input, bool expected) =>
        Assert.Equal(expected, MobileNumber.IsPlausible(input));
}
