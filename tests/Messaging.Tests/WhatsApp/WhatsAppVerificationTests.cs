using InvoiceFirst.Messaging.WhatsApp;

namespace InvoiceFirst.Messaging.Tests.WhatsApp;

public sealed class WhatsAppVerificationTests
{
    [Fact]
    public void TryVerify_SpecHandshake_True() =>
        Assert.True(WhatsAppVerification.TryVerify("subscribe", "vibecoding", "1158201444", "vibecoding"));

    [Theory]
    [InlineData("subscribe", "wrong", "1158201444", "vibecoding")]
    [InlineData("unsubscribe", "vibecoding", "1158201444", "vibecoding")]
    [InlineData("subscribe", "vibecoding", "", "vibecoding")]
    [InlineData("subscribe", null, "1158201444", "vibecoding")]
    [InlineData("subscribe", "", "1158201444", "")]
    [InlineData("subscribe", "vibecodin", "1158201444", "vibecoding")]
    public void TryVerify_AnythingElse_False(string? mode, string? token, string? challenge, string? configured) =>
        Assert.False(WhatsAppVerification.TryVerify(mode, token, challenge, configured));
}
