using System.Text;
using System.Text.Json;
using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Payments.Tests.Mpesa;

public sealed class DarajaClientStkPushTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task StkPushAsync_Accepted_SendsSpecShapedBodyWithRecomputablePassword()
    {
        await using var h = await DarajaHarness.StartAsync();

        var outcome = await h.Client.StkPushAsync(DarajaHarness.Push() with { Description = "Website design work" }, default);

        var accepted = Assert.IsType<StkPushOutcome.Accepted>(outcome);
        Assert.StartsWith("ws_CO_", accepted.CheckoutRequestId);
        Assert.NotEmpty(accepted.MerchantRequestId);
        var body = JsonDocument.Parse(Assert.Single(h.Fake.StkPushes).Body).RootElement;
        Assert.Equal(
            ["BusinessShortCode", "Password", "Timestamp", "TransactionType", "Amount", "PartyA", "PartyB",
             "PhoneNumber", "CallBackURL", "AccountReference", "TransactionDesc"],
            body.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(JsonValueKind.Number, body.GetProperty("BusinessShortCode").ValueKind);
        Assert.Equal(174379, body.GetProperty("BusinessShortCode").GetInt64());
        foreach (var name in new[] { "Amount", "PartyA", "PartyB", "PhoneNumber", "Timestamp", "Password" })
            Assert.Equal(JsonValueKind.String, body.GetProperty(name).ValueKind);
        Assert.Equal("1500", body.GetProperty("Amount").GetString());
        Assert.Equal("254722111111", body.GetProperty("PartyA").GetString());
        Assert.Equal("254722111111", body.GetProperty("PhoneNumber").GetString());
        Assert.Equal("174379", body.GetProperty("PartyB").GetString());
        Assert.Equal("CustomerPayBillOnline", body.GetProperty("TransactionType").GetString());
        Assert.Equal("INV-0042", body.GetProperty("AccountReference").GetString());
        Assert.Equal("Website desig", body.GetProperty("TransactionDesc").GetString());
        Assert.Equal("https://pay.example.com/payments/stk/callback/abc123", body.GetProperty("CallBackURL").GetString());

        var timestamp = body.GetProperty("Timestamp").GetString()!;
        Assert.Equal("20210628092408", timestamp);
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(body.GetProperty("Password").GetString()!));
        Assert.Equal("174379" + DarajaHarness.SandboxPasskey + timestamp, decoded);
    }

    [Fact]
    public async Task StkPushAsync_TillConfigured_SendsBuyGoodsWithTillAsPartyB()
    {
        await using var h = await DarajaHarness.StartAsync(new()
        {
            ["Mpesa:TransactionType"] = "CustomerBuyGoodsOnline",
            ["Mpesa:PartyB"] = "5554433",
        });

        await h.Client.StkPushAsync(DarajaHarness.Push(), default);

        var body = JsonDocument.Parse(Assert.Single(h.Fake.StkPushes).Body).RootElement;
        Assert.Equal("CustomerBuyGoodsOnline", body.GetProperty("TransactionType").GetString());
        Assert.Equal("5554433", body.GetProperty("PartyB").GetString());
        Assert.Equal(174379, body.GetProperty("BusinessShortCode").GetInt64());
    }

    [Theory]
    [InlineData(400, "400.002.02", "Bad Request - Invalid PhoneNumber", StkErrorKind.InvalidRequest)]
    [InlineData(400, "400.002.02", "Bad Request - Invalid Amount", StkErrorKind.InvalidRequest)]
    [InlineData(400, "400.002.02", "Bad Request - Invalid BusinessShortCode", StkErrorKind.Configuration)]
    [InlineData(400, "400.002.02", "Bad Request - Invalid CallBackURL", StkErrorKind.Configuration)]
    [InlineData(404, "404.001.01", "Resource not found", StkErrorKind.Configuration)]
    [InlineData(405, "405.001", "Method Not Allowed", StkErrorKind.Configuration)]
    [InlineData(500, "500.001.1001", "Merchant does not exist", StkErrorKind.Configuration)]
    [InlineData(500, "500.001.1001", "Wrong credentials", StkErrorKind.Configuration)]
    [InlineData(500, "500.001.1001", "Unable to lock subscriber, a transaction is already in process for the current subscriber", StkErrorKind.SubscriberBusy)]
    [InlineData(500, "500.003.02", "System is busy. Please try again in few minutes.", StkErrorKind.ServiceBusy)]
    [InlineData(500, "500.003.02", "Error Occurred: Spike Arrest Violation", StkErrorKind.ServiceBusy)]
    [InlineData(500, "500.003.03", "Quota Violation", StkErrorKind.ServiceBusy)]
    [InlineData(500, "500.003.1001", "Internal Server Error", StkErrorKind.ServiceBusy)]
    [InlineData(500, "500.001.1001", "Something new", StkErrorKind.Unknown)]
    [InlineData(400, "400.999.99", "Never seen", StkErrorKind.Unknown)]
    public async Task StkPushAsync_DarajaError_MapsToKindWithoutRetry(int status, string code, string message, StkErrorKind expected)
    {
        await using var h = await DarajaHarness.StartAsync();
        h.Fake.EnqueueStkError(status, code, message);

        var outcome = await h.Client.StkPushAsync(DarajaHarness.Push(), default);

        var rejected = Assert.IsType<StkPushOutcome.Rejected>(outcome);
        Assert.Equal(expected, rejected.Kind);
        Assert.Equal(code, rejected.ErrorCode);
        Assert.Equal(message, rejected.Description);
        Assert.Single(h.Fake.StkPushes);
    }

    [Fact]
    public async Task StkPushAsync_TokenInvalidatedElsewhere_RefreshesOnceAndRetriesOnce()
    {
        await using var h = await DarajaHarness.StartAsync();
        await h.Tokens.GetTokenAsync(default);
        h.Fake.InvalidateCurrentToken();

        var outcome = await h.Client.StkPushAsync(DarajaHarness.Push(), default);

        Assert.IsType<StkPushOutcome.Accepted>(outcome);
        Assert.Equal(2, h.Fake.TokenRequestCount);
        var pushes = h.Fake.StkPushes;
        Assert.Equal(2, pushes.Count);
        Assert.NotEqual(pushes[0].BearerToken, pushes[1].BearerToken);
    }

    [Fact]
    public async Task StkPushAsync_TokenRejectedTwice_GivesUpAfterOneRetry()
    {
        await using var h = await DarajaHarness.StartAsync();
        h.Fake.EnqueueStkError(404, "404.001.03", "Invalid Access Token");
        h.Fake.EnqueueStkError(404, "404.001.03", "Invalid Access Token");
        h.Fake.EnqueueStkError(404, "404.001.03", "Invalid Access Token");

        var outcome = await h.Client.StkPushAsync(DarajaHarness.Push(), default);

        var rejected = Assert.IsType<StkPushOutcome.Rejected>(outcome);
        Assert.Equal("404.001.03", rejected.ErrorCode);
        Assert.Equal(2, h.Fake.StkPushes.Count);
        Assert.Equal(2, h.Fake.TokenRequestCount);
    }

    [Fact]
    public async Task StkPushAsync_TimeoutAfterSending_ReturnsUnknownAndDoesNotResend()
    {
        await using var h = await DarajaHarness.StartAsync(new() { ["Mpesa:TimeoutSeconds"] = "5" });
        h.Fake.EnqueueDelay(TimeSpan.FromMinutes(5));

        var push = h.Client.StkPushAsync(DarajaHarness.Push(), default);
        await h.Fake.WaitForStkPushesAsync(1, Deadline);
        h.Time.Advance(TimeSpan.FromSeconds(6));
        var outcome = await push.WaitAsync(Deadline);

        Assert.IsType<StkPushOutcome.Unknown>(outcome);
        Assert.Single(h.Fake.StkPushes);
    }

    [Fact]
    public async Task StkPushAsync_ConnectionRefused_ReturnsUnknown()
    {
        await using var h = await DarajaHarness.StartAsync();
        await h.Tokens.GetTokenAsync(default);
        await h.Fake.DisposeAsync();

        var outcome = await h.Client.StkPushAsync(DarajaHarness.Push(), default);

        Assert.IsType<StkPushOutcome.Unknown>(outcome);
    }

    [Theory]
    [InlineData("254722111111", 1500, "INV-00420000X", "account_reference")]
    [InlineData("254722111111", 1500, "INV 42", "account_reference")]
    [InlineData("0722111111", 1500, "INV-0042", "phone")]
    [InlineData("254722111111", 0, "INV-0042", "amount")]
    [InlineData("254722111111", 250_001, "INV-0042", "amount")]
    public async Task StkPushAsync_InvalidInput_RejectedLocallyWithoutCallingDaraja(
        string phone, long amount, string reference, string field)
    {
        await using var h = await DarajaHarness.StartAsync();

        var outcome = await h.Client.StkPushAsync(DarajaHarness.Push(phone, amount, reference), default);

        var rejected = Assert.IsType<StkPushOutcome.Rejected>(outcome);
        Assert.Equal(StkErrorKind.InvalidRequest, rejected.Kind);
        Assert.Equal($"local.{field}", rejected.ErrorCode);
        Assert.Empty(h.Fake.StkPushes);
        Assert.Equal(0, h.Fake.TokenRequestCount);
    }

    [Fact]
    public async Task StkPushAsync_WrongConsumerSecret_RejectedAsConfigurationWithoutPushing()
    {
        await using var h = await DarajaHarness.StartAsync(new() { ["Mpesa:ConsumerSecret"] = "wrong" });

        var outcome = await h.Client.StkPushAsync(DarajaHarness.Push(), default);

        Assert.Equal(StkErrorKind.Configuration, Assert.IsType<StkPushOutcome.Rejected>(outcome).Kind);
        Assert.Empty(h.Fake.StkPushes);
    }
}
