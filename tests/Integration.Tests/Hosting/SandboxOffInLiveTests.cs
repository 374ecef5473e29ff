using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Hosting;

public sealed class SandboxOffInLiveTests
{
    [Theory]
    [InlineData("GET", "/sandbox")]
    [InlineData("GET", "/sandbox/feed?merchant=254700000001&customer=254712345678")]
    [InlineData("POST", "/sandbox/send")]
    [InlineData("GET", "/sandbox/daraja/oauth/v1/generate")]
    [InlineData("POST", "/sandbox/daraja/mpesa/stkpush/v1/processrequest")]
    public async Task SandboxPaths_InLiveMode_Are404(string method, string path)
    {
        await using var factory = await BotFactory.CreateAsync();
        using var client = factory.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}") });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
