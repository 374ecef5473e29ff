using InvoiceFirst.Data.Domain;
using InvoiceFirst.Messaging.WhatsApp;

namespace InvoiceFirst.Messaging.Tests.WhatsApp;

public sealed class WhatsAppParticipantTests
{
    [Theory]
    [InlineData("+254 712-345-678", "254712345678")]
    [InlineData("0712345678", "254712345678")]
    [InlineData("whatsapp:+254712345678", "254712345678")]
    [InlineData("447700900123", "447700900123")]
    public void Of_PhoneNumber_DigitsAsTheWindowAndMetaNameIt(string recipient, string digits)
    {
        var to = WhatsAppParticipant.Of(recipient);

        Assert.Equal(digits, to.Value);
        Assert.False(to.IsUserId);
        Assert.True(to.IsAddressable);
        Assert.Equal(MobileNumber.ToDigits(recipient), to.Value);
    }

    [Fact]
    public void Of_UserId_KeptAsGiven()
    {
        var to = WhatsAppParticipant.Of("KE.13491208655302741918");

        Assert.Equal("KE.13491208655302741918", to.Value);
        Assert.True(to.IsUserId);
        Assert.True(to.IsAddressable);
    }

    [Theory]
    [InlineData("12")]
    [InlineData("CO1234567890")]
    [InlineData("")]
    public void Of_NeitherNumberNorUserId_NotAddressable(string recipient)
    {
        var to = WhatsAppParticipant.Of(recipient);

        Assert.False(to.IsAddressable);
        Assert.Equal(MobileNumber.IsPlausible(recipient), to.IsAddressable);
    }
}
