using InvoiceFirst.Messaging.Twilio;

namespace InvoiceFirst.Messaging.Tests.Twilio;

public sealed class TwilioSignatureTests
{
    private const string Token = "12345";
    private const string SdkUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";

    private static readonly KeyValuePair<string, string>[] SdkParams =
    [
        new("To", "+18005551212"),
        new("CallSid", "CA1234567890ABCDE"),
        new("From", "+14158675309"),
        new("Digits", "1234"),
        new("Caller", "+14158675309"),
    ];

    private const string WhatsAppUrl = "https://bot.example.com/webhooks/twilio/inbound?tenant=abc";

    private static readonly KeyValuePair<string, string>[] WhatsAppParams =
    [
        new("WaId", "254712345678"),
        new("AccountSid", "AC00000000000000000000000000000001"),
        new("Body", "Hello"),
        new("From", "whatsapp:+254712345678"),
        new("MessageSid", "SM00000000000000000000000000000001"),
        new("NumMedia", "0"),
        new("ProfileName", "Jane"),
        new("To", "whatsapp:+14155238886"),
    ];

    [Fact]
    public void Compute_SdkVector_MatchesPublishedSignature() =>
        Assert.Equal("RSOYDt4T1cUTdK1PDd93/VVr8B8=", TwilioSignature.Compute(SdkUrl, SdkParams, Token));

    [Fact]
    public void Compute_SdkVectorWithPort_MatchesPortVariant() =>
        Assert.Equal("kvajT1Ptam85bY51eRf/AJRuM3w=",
            TwilioSignature.Compute("https://mycompany.com:443/myapp.php?foo=1&bar=2", SdkParams, Token));

    [Fact]
    public void Compute_OlderDocsVariant_MatchesPublishedSignature()
    {
        var older = SdkParams.Select(p => p.Value == "+14158675309" ? new KeyValuePair<string, string>(p.Key, "+12349013030") : p);
        Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", TwilioSignature.Compute(SdkUrl, older, Token));
    }

    [Theory]
    [InlineData(SdkUrl, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData(SdkUrl, "kvajT1Ptam85bY51eRf/AJRuM3w=")]
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")]
    [InlineData("https://mycompany.com:443/myapp.php?foo=1&bar=2", "kvajT1Ptam85bY51eRf/AJRuM3w=")]
    public void IsValid_SignedWithOrWithoutDefaultPort_Accepted(string url, string header) =>
        Assert.True(TwilioSignature.IsValid(url, SdkParams, header, Token));

    [Theory]
    [InlineData(WhatsAppUrl, "3OzTSGdFjLoPDzN9DVZNfy58iGg=")]
    [InlineData(WhatsAppUrl, "1yr4RmgXkUqnDWv2ZbFRvLbI02Q=")]
    [InlineData("https://bot.example.com:443/webhooks/twilio/inbound?tenant=abc", "3OzTSGdFjLoPDzN9DVZNfy58iGg=")]
    public void IsValid_WhatsAppShapedVector_Accepted(string url, string header) =>
        Assert.True(TwilioSignature.IsValid(url, WhatsAppParams, header, Token));

    [Fact]
    public void Compute_WhatsAppShapedVector_MatchesComputedSignature() =>
        Assert.Equal("3OzTSGdFjLoPDzN9DVZNfy58iGg=", TwilioSignature.Compute(WhatsAppUrl, WhatsAppParams, Token));

    [Fact]
    public void IsValid_TamperedParameter_Rejected()
    {
        var tampered = WhatsAppParams.Select(p => p.Key == "Body" ? new KeyValuePair<string, string>("Body", "Hello!") : p);
        Assert.False(TwilioSignature.IsValid(WhatsAppUrl, tampered, "3OzTSGdFjLoPDzN9DVZNfy58iGg=", Token));
    }

    [Theory]
    [InlineData("https://bot.example.com/webhooks/twilio/inbound?tenant=abd", "3OzTSGdFjLoPDzN9DVZNfy58iGg=", Token)]
    [InlineData(WhatsAppUrl, "3OzTSGdFjLoPDzN9DVZNfy58iGg=", "54321")]
    [InlineData(WhatsAppUrl, "", Token)]
    [InlineData(WhatsAppUrl, "3OzTSGdFjLoPDzN9DVZNfy58iGg=", "")]
    public void IsValid_WrongUrlTokenOrHeader_Rejected(string url, string header, string token) =>
        Assert.False(TwilioSignature.IsValid(url, WhatsAppParams, header, token));

    [Theory]
    [InlineData("https://a.example/x?q=1", "https://a.example:443/x?q=1", "https://a.example/x?q=1")]
    [InlineData("http://a.example:80/x", "http://a.example:80/x", "http://a.example/x")]
    [InlineData("https://a.example:8443/x", "https://a.example:8443/x", "https://a.example:8443/x")]
    [InlineData("https://a.example?q=a%20b", "https://a.example:443?q=a%20b", "https://a.example?q=a%20b")]
    public void PortVariants_Url_KeepsQueryVerbatim(string url, string withPort, string withoutPort) =>
        Assert.Equal((withPort, withoutPort), TwilioSignature.PortVariants(url));
}
