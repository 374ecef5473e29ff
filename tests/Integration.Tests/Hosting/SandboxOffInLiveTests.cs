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
    [InlineData("POST", "/sandbox/daraja/mpesa/stkpushquery/v1/query")]
    [InlineData("POST", "/sandbox/daraja/mpesa/c2b/v2/registerurl")]
    [InlineData("POST", "/sandbox/daraja/mpesa/transactionstatus/v1/query")]
    [InlineData("POST", "/sandbox/paybill")]
    [InlineData("POST", "/sandbox/prompts/ws_CO_1/approved")]
    public async Task SandboxPaths_InLiveMode_Are404(string method, string path)
    {
        await using var factory = await BotFactory.CreateAsync();
        using var client = factory.CreateClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}") });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
