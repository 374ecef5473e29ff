using System.Text;
using InvoiceFirst.Messaging.WhatsApp;

namespace InvoiceFirst.Messaging.Tests.WhatsApp;

public sealed class WhatsAppSignatureTests
{
    private const string Secret = "test_app_secret";
    private const string EmptyBody = """{"object":"whatsapp_business_account","entry":[]}""";
    private const string EscapedCafe =
        """{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messages":[{"text":{"body":"caf\u00e9"}}]}}]}]}""";
    private const string EscapedCafeSignature = "sha256=9b68a8c0e46b1802ff3ce05388236ca83424a6b7ba4fb011bd86b51941c87c97";
    private const string ReserializedSignature = "sha256=2468c0d03d235351f3a3ab7b5457e57bd0b3f1c969697ed51bdf351c2dfed848";

    [Fact]
    public void Sign_SpecEmptyEntryVector_MatchesHeader() =>
        Assert.Equal("sha256=dec6a680679a968e7e0319355b23599cbfc54502c0784668e9618baa0c633756",
            WhatsAppSignature.Sign(Encoding.UTF8.GetBytes(EmptyBody), Secret));

    [Fact]
    public void IsValid_EscapedUnicodeRawBytes_Accepted()
    {
        var raw = Encoding.UTF8.GetBytes(EscapedCafe);
        Assert.Contains((byte)'\\', raw);
        Assert.True(WhatsAppSignature.IsValid(raw, EscapedCafeSignature, Secret));
    }

    [Fact]
    public void IsValid_ReserializedWithRealAccent_RejectedAgainstOriginalHeader()
    {
        var reserialized = Encoding.UTF8.GetBytes(EscapedCafe.Replace("\\u00e9", "é", StringComparison.Ordinal));
        Assert.Equal(ReserializedSignature, WhatsAppSignature.Sign(reserialized, Secret));
        Assert.False(WhatsAppSignature.IsValid(reserialized, EscapedCafeSignature, Secret));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("9b68a8c0e46b1802ff3ce05388236ca83424a6b7ba4fb011bd86b51941c87c97")]
    [InlineData("sha1=9b68a8c0e46b1802ff3ce05388236ca83424a6b7ba4fb011bd86b51941c87c97")]
    [InlineData("sha256=zz68a8c0e46b1802ff3ce05388236ca83424a6b7ba4fb011bd86b51941c87c97")]
    [InlineData("sha256=9b68a8c0")]
    public void IsValid_MalformedHeader_Rejected(string? header) =>
        Assert.False(WhatsAppSignature.IsValid(Encoding.UTF8.GetBytes(EscapedCafe), header, Secret));

    [Fact]
    public void IsValid_WrongSecret_Rejected() =>
        Assert.False(WhatsAppSignature.IsValid(Encoding.UTF8.GetBytes(EscapedCafe), EscapedCafeSignature, "other_secret"));

    [Fact]
    public void IsValid_NoConfiguredSecret_Rejected() =>
        Assert.False(WhatsAppSignature.IsValid(Encoding.UTF8.GetBytes(EscapedCafe), EscapedCafeSignature, ""));
}
