using InvoiceFirst.Bot.Hosting;
using Microsoft.Extensions.Configuration;

namespace InvoiceFirst.Bot.Tests.Hosting;

public sealed class AppModeResolverTests
{
    private static readonly Dictionary<string, string?> Live = new()
    {
        ["App:PublicBaseUrl"] = "https://bot.example.com", ["Api:Key"] = "k", ["Merchant:Phone"] = "0712345678",
        ["WhatsApp:PhoneNumberId"] = "1", ["WhatsApp:AccessToken"] = "t", ["WhatsApp:VerifyToken"] = "v", ["WhatsApp:AppSecret"] = "s",
        ["Mpesa:ConsumerKey"] = "ck", ["Mpesa:ConsumerSecret"] = "cs", ["Mpesa:ShortCode"] = "174379", ["Mpesa:Passkey"] = "pk",
    };

    [Theory]
    [InlineData(null, null, false)]
    [InlineData(null, "short", false)]
    [InlineData("atsk_live", null, true)]
    [InlineData("atsk_live", "", true)]
    [InlineData("atsk_live", "0123456789012345678901234567890", true)]
    [InlineData("atsk_live", "01234567890123456789012345678901", false)]
    public void MissingLiveSettings_AfricasTalkingConfigured_NeedsACallbackTokenOf32Characters(string? apiKey, string? token, bool missing)
    {
        var settings = new Dictionary<string, string?>(Live) { ["AfricasTalking:ApiKey"] = apiKey, ["AfricasTalking:CallbackToken"] = token };

        var names = AppModeResolver.MissingLiveSettings(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        Assert.Equal(missing ? ["AfricasTalking:CallbackToken (at least 32 characters)"] : [], names);
    }
}
