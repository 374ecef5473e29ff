using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Messaging.Twilio;

namespace InvoiceFirst.Integration.Tests.HostileInput;

/// <summary>Each bearer-key and Twilio-signed door refuses a request without (or with a wrong) credential, and nothing happens.</summary>
public sealed class OperatorDoorTests : IAsyncLifetime
{
    private BotFactory _bot = null!;

    public async Task InitializeAsync() => _bot = await BotFactory.CreateAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("GET", "/invoices")]
    [InlineData("GET", "/invoices/inv_123")]
    [InlineData("POST", "/invoices")]
    [InlineData("POST", "/payments/stk/initiate")]
    [InlineData("GET", "/stats/summary")]
    [InlineData("GET", "/providers/health")]
    [InlineData("GET", "/reconciliation")]
    [InlineData("GET", "/events")]
    public async Task BearerDoor_WithoutOrWithWrongKey_401AndNothingCreated(string method, string path)
    {
        foreach (var key in new[] { null, "guess", BotFactory.ApiKey + "x" })
        {
            using var client = _bot.CreateClient();
            if (key is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", key);
            using var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = JsonContent.Create(new { msisdn = "0712345678", amount_cents = 150000, description = "x", invoice_id = "inv_123" }),
            };
            request.Headers.Add("Idempotency-Key", "k1");

            var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        await using var c = await _bot.Db.OpenAsync(default);
        Assert.Equal(0L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(c, "SELECT count(*) FROM invoices"));
    }

    [Theory]
    [InlineData("/twilio/inbound")]
    [InlineData("/twilio/status")]
    public async Task TwilioDoor_BadOrMissingSignature_403AndNothingStored(string path)
    {
        foreach (var signature in new[] { null, "bm90IGEgc2lnbmF0dXJl" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["MessageSid"] = "SM0123456789abcdef0123456789abcdef", ["From"] = "+254700000001", ["Body"] = "cancel INV-0001",
                    ["MessageStatus"] = "failed", ["AccountSid"] = "ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                }),
            };
            if (signature is not null) request.Headers.Add(TwilioSignature.HeaderName, signature);

            var response = await _bot.CreateClient().SendAsync(request);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        await using var c = await _bot.Db.OpenAsync(default);
        Assert.Equal(0L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(c, "SELECT count(*) FROM inbox"));
    }
}
