using InvoiceFirst.Messaging.AfricasTalking;
using InvoiceFirst.Messaging.Channels;
using InvoiceFirst.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace InvoiceFirst.Messaging.Tests.AfricasTalking;

public sealed class AfricasTalkingClientTests : IAsyncLifetime
{
    private FakeAfricasTalking at = null!;

    public async Task InitializeAsync() => at = await FakeAfricasTalking.StartAsync();

    public async Task DisposeAsync() => await at.DisposeAsync();

    private AfricasTalkingClient Client(string? senderId = "INVOICE", double timeoutSeconds = 10) =>
        TestServices.Build(new Dictionary<string, string?>
        {
            ["AfricasTalking:BaseUrl"] = at.BaseUrl,
            ["AfricasTalking:Username"] = "sandbox",
            ["AfricasTalking:ApiKey"] = "atsk_key",
            ["AfricasTalking:SenderId"] = senderId,
            ["AfricasTalking:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).GetRequiredService<AfricasTalkingClient>();

    [Fact]
    public async Task SendSmsAsync_Success_PostsFormWithApiKeyAndReturnsMessageId()
    {
        var result = await Client().SendSmsAsync("0712345678", "Invoice INV-1: KES 1,500 & more", CancellationToken.None);

        var request = Assert.Single(at.Requests.All);
        Assert.Equal("/version1/messaging", request.Path);
        Assert.Equal("atsk_key", request.Header("apiKey"));
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.StartsWith("application/x-www-form-urlencoded", request.Header("Content-Type"));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["username"] = "sandbox",
                ["to"] = "+254712345678",
                ["message"] = "Invoice INV-1: KES 1,500 & more",
                ["from"] = "INVOICE",
                ["bulkSMSMode"] = "1",
            },
            request.Form);
        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.StartsWith("ATXid_", result.ProviderMessageId);
    }

    [Fact]
    public async Task SendSmsAsync_NoSenderId_OmitsFrom()
    {
        await Client(senderId: null).SendSmsAsync("254712345678", "hi", CancellationToken.None);
        Assert.False(Assert.Single(at.Requests.All).Form.ContainsKey("from"));
    }

    [Fact]
    public async Task SendSmsAsync_SpecSuccessSample_AcceptedWithSampleId()
    {
        at.EnqueueRaw(201, """
            {"SMSMessageData":{"Message":"Sent to 1/1 Total Cost: KES 0.8000","Recipients":[{"statusCode":101,"number":"+254711XXXYYY",
            "status":"Success","cost":"KES 0.8000","messageId":"ATXid_fabd5d394a3ca5c081d451d2bea93665","messageParts":1}]}}
            """);
        var result = await Client().SendSmsAsync("254712345678", "hi", CancellationToken.None);
        Assert.Equal(SendResult.Accepted("ATXid_fabd5d394a3ca5c081d451d2bea93665"), result);
    }

    [Fact]
    public async Task SendSmsAsync_DndRejectionWithHttp409_RetryLaterFromJson()
    {
        at.EnqueueRaw(409, """{"SMSMessageData":{"Message":"Sent to 0/1 Total Cost: 0","Recipients":[{"cost":"0","messageId":"None","number":"+2348XXXXXXX","status":"DoNotDisturbRejection","statusCode":409}]}}""");
        var result = await Client().SendSmsAsync("254712345678", "hi", CancellationToken.None);
        Assert.Equal(SendOutcome.RetryLater, result.Outcome);
        Assert.Equal("409", result.ErrorCode);
        Assert.Null(result.ProviderMessageId);
    }

    [Fact]
    public async Task SendSmsAsync_Blacklisted406InHttp201_Unreachable()
    {
        at.EnqueueRecipientStatus(406, "UserInBlacklist");
        var result = await Client().SendSmsAsync("254712345678", "hi", CancellationToken.None);
        Assert.Equal(SendOutcome.Unreachable, result.Outcome);
        Assert.Equal("406", result.ErrorCode);
    }

    [Fact]
    public async Task SendSmsAsync_PlainText401_ConfigurationError()
    {
        at.EnqueuePlainText(401, "The supplied authentication is invalid");
        var result = await Client().SendSmsAsync("254712345678", "hi", CancellationToken.None);
        Assert.Equal(SendOutcome.ConfigurationError, result.Outcome);
        Assert.Equal("http_401", result.ErrorCode);
    }

    [Theory]
    [InlineData(100, SendOutcome.Accepted)]
    [InlineData(102, SendOutcome.Accepted)]
    [InlineData(401, SendOutcome.ConfigurationError)]
    [InlineData(402, SendOutcome.ConfigurationError)]
    [InlineData(403, SendOutcome.Unreachable)]
    [InlineData(404, SendOutcome.Unreachable)]
    [InlineData(405, SendOutcome.ConfigurationError)]
    [InlineData(407, SendOutcome.Unreachable)]
    [InlineData(500, SendOutcome.RetryLater)]
    [InlineData(501, SendOutcome.RetryLater)]
    [InlineData(502, SendOutcome.Unreachable)]
    public async Task SendSmsAsync_RecipientStatusCode_ClassifiedByStatusCodeNotHttp(int statusCode, SendOutcome expected)
    {
        at.EnqueueRecipientStatus(statusCode);
        var result = await Client().SendSmsAsync("254712345678", "hi", CancellationToken.None);
        Assert.Equal(expected, result.Outcome);
        Assert.Equal(1, at.Requests.Count);
    }

    [Fact]
    public async Task SendSmsAsync_EmptyRecipientsInvalidNumber_Unreachable()
    {
        at.EnqueueRaw(201, """{"SMSMessageData":{"Message":"InvalidPhoneNumber","Recipients":[]}}""");
        var result = await Client().SendSmsAsync("254712345678", "hi", CancellationToken.None);
        Assert.Equal(SendOutcome.Unreachable, result.Outcome);
    }

    [Fact]
    public async Task SendSmsAsync_PlainText500_RetryLaterSentOnce()
    {
        at.EnqueuePlainText(500, "Internal error");
        var result = await Client().SendSmsAsync("254712345678", "hi", CancellationToken.None);
        Assert.Equal(SendOutcome.RetryLater, result.Outcome);
        Assert.Equal(1, at.Requests.Count);
    }

    [Fact]
    public async Task SendSmsAsync_AnswerSlowerThanTimeout_Unknown()
    {
        at.EnqueueDelay(TimeSpan.FromSeconds(30));
        // 2 s: under load, connecting alone can outlast 0.5 s and the request would never leave (seen with Twilio's twin).
        var result = await Client(timeoutSeconds: 2).SendSmsAsync("254712345678", "hi", CancellationToken.None);
        Assert.Equal(SendOutcome.Unknown, result.Outcome);
        // The request left before the timeout; on a loaded machine the fake may log it a moment later.
        Assert.Single(await at.Requests.WaitForAsync(1, TimeSpan.FromSeconds(10)));
    }
}
