using InvoiceFirst.Bot.Hosting;
using Microsoft.Extensions.Configuration;

namespace InvoiceFirst.Bot.Tests.Hosting;

public sealed class DefaultUrlsTests
{
    [Theory]
    [InlineData("urls", "http://localhost:5081")]
    [InlineData("http_ports", "8080")]
    [InlineData("https_ports", "8443")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:8080")]
    public void IsChosen_AnAddressSetting_LeavesItToThatSetting(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        Assert.True(DefaultUrls.IsChosen(configuration));
    }

    [Fact]
    public void IsChosen_NothingSet_FallsBackTo5080()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["App:Mode"] = "Sandbox" }).Build();

        Assert.False(DefaultUrls.IsChosen(configuration));
        Assert.Equal("http://localhost:5080", DefaultUrls.Default);
    }
}
