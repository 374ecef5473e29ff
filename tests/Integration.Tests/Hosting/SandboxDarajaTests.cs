using System.Text;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Integration.Tests.Hosting;

/// <summary>The sandbox's Daraja stand-in, as anyone on the network can reach it: bad bodies get Daraja's 400, never a 500.</summary>
public sealed class SandboxDarajaTests : IAsyncLifetime
{
    private BotProcess _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = BotProcess.Start(new Dictionary<string, string> { ["App__DataDirectory"] = Directory.CreateTempSubdirectory("invoicefirst-sbx-").FullName });
        await _bot.WaitForOkAsync("/readyz", TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("/mpesa/stkpush/v1/processrequest", "{not json")]
    [InlineData("/mpesa/stkpush/v1/processrequest", "[1,2]")]
    [InlineData("/mpesa/stkpush/v1/processrequest", """{"Amount":"abc","PhoneNumber":"254712345678","CallBackURL":"{{callback}}"}""")]
    [InlineData("/mpesa/stkpush/v1/processrequest", """{"Amount":{"x":1},"PhoneNumber":"254712345678","CallBackURL":"{{callback}}"}""")]
    [InlineData("/mpesa/stkpush/v1/processrequest", """{"Amount":"10","PhoneNumber":"07123","CallBackURL":"{{callback}}"}""")]
    [InlineData("/mpesa/stkpush/v1/processrequest", """{"Amount":"10","PhoneNumber":"254712345678","CallBackURL":"http://169.254.169.254/"}""")]
    [InlineData("/mpesa/stkpushquery/v1/query", "")]
    [InlineData("/mpesa/c2b/v2/registerurl", "{}")]
    [InlineData("/mpesa/transactionstatus/v1/query", "null")]
    public async Task StandIn_UnreadableOrWrongTypes_400(string path, string body)
    {
        using var http = new HttpClient { BaseAddress = new Uri(_bot.BaseUrl) };
        body = body.Replace("{{callback}}", _bot.BaseUrl + "/payments/stk/callback/abc");

        var response = await http.PostAsync("/sandbox/daraja" + path, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("400.002.02", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TransactionStatus_WrongSecurityCredential_Refused()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_bot.BaseUrl) };
        var body = $$"""
            {"Initiator":"sandboxapi","SecurityCredential":"{{Convert.ToBase64String(new byte[256])}}","CommandID":"TransactionStatusQuery",
             "TransactionID":"SBX0000000","PartyA":"174379","IdentifierType":"4","ResultURL":"{{_bot.BaseUrl}}/payments/tx-status/result/x",
             "QueueTimeOutURL":"{{_bot.BaseUrl}}/payments/tx-status/timeout/x","Remarks":"r","Occasion":""}
            """;

        var response = await http.PostAsync("/sandbox/daraja/mpesa/transactionstatus/v1/query", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
