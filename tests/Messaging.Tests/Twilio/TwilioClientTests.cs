using System.Text;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Channels;
using InvoiceFirst.Messaging.Twilio;
using InvoiceFirst.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace InvoiceFirst.Messaging.Tests.Twilio;

public sealed class TwilioClientTests : IAsyncLifetime
{
    private const string Sid = "AC00000000000000000000000000000001";
    private FakeTwilio twilio = null!;

    public async Task InitializeAsync() => twilio = await FakeTwilio.StartAsync();

    public async Task DisposeAsync() => await twilio.DisposeAsync();

    private TwilioClient Client(double timeoutSeconds = 10, string? contentSid = null) =>
        TestServices.Build(new Dictionary<string, string?>
        {
            ["Twilio:BaseUrl"] = twilio.BaseUrl,
            ["Twilio:AccountSid"] = Sid,
            ["Twilio:AuthToken"] = "secret-token",
            ["Twilio:SmsFrom"] = "+15005550006",
            ["Twilio:WhatsAppFrom"] = "+14155238886",
            ["Twilio:WhatsAppContentSid"] = contentSid,
            ["Twilio:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).GetRequiredService<TwilioClient>();

    [Fact]
    public async Task SendSmsAsync_Success_PostsFormWithBasicAuthAndReturnsSid()
    {
        var result = await Client().SendSmsAsync("0712345678", "Pay INV-1 + more", "https://bot.example.com/twilio/status", CancellationToken.None);

        var request = Assert.Single(twilio.Requests.All);
        Assert.Equal($"/2010-04-01/Accounts/{Sid}/Messages.json", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Sid + ":secret-token")), request.Header("Authorization"));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["To"] = "+254712345678",
                ["From"] = "+15005550006",
                ["Body"] = "Pay INV-1 + more",
                ["StatusCallback"] = "https://bot.example.com/twilio/status",
            },
            request.Form);
        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.StartsWith("SM", result.ProviderMessageId);
        Assert.Equal(34, result.ProviderMessageId!.Length);
    }

    [Fact]
    public async Task SendWhatsAppAsync_WithButtons_WhatsAppPrefixesAndTitlesInBody()
    {
        var message = new OutboundMessage
        {
            Text = "Invoice INV-1029: KES 4,500",
            Buttons = [new ReplyButton("pay", "Pay with M-PESA"), new ReplyButton("pdf", "Get PDF")],
        };
        var result = await Client().SendWhatsAppAsync("254712345678", message, CancellationToken.None);

        var form = Assert.Single(twilio.Requests.All).Form;
        Assert.Equal("whatsapp:+254712345678", form["To"]);
        Assert.Equal("whatsapp:+14155238886", form["From"]);
        Assert.Equal("Invoice INV-1029: KES 4,500\n\n1. Pay with M-PESA\n2. Get PDF", form["Body"]);
        Assert.True(result.IsAccepted);
    }

    [Fact]
    public async Task SendWhatsAppAsync_TemplateWithContentSid_SendsContentVariablesWithoutBody()
    {
        var message = new OutboundMessage
        {
            Text = "ignored",
            Template = new TemplateMessage("invoice_reminder", "en", ["INV-1029", "KES 4,500"]),
        };
        await Client(contentSid: "HX0123").SendWhatsAppAsync("254712345678", message, true, null, CancellationToken.None);

        var form = Assert.Single(twilio.Requests.All).Form;
        Assert.Equal("HX0123", form["ContentSid"]);
        Assert.Equal("""{"1":"INV-1029","2":"KES 4,500"}""", form["ContentVariables"]);
        Assert.False(form.ContainsKey("Body"));
    }

    [Theory]
    [InlineData(20429, 429, SendOutcome.RetryLater)]
    [InlineData(20003, 401, SendOutcome.ConfigurationError)]
    [InlineData(21211, 400, SendOutcome.Unreachable)]
    [InlineData(21614, 400, SendOutcome.Unreachable)]
    [InlineData(21635, 400, SendOutcome.Unreachable)]
    [InlineData(21610, 400, SendOutcome.Unreachable)]
    [InlineData(21612, 400, SendOutcome.Unreachable)]
    [InlineData(21608, 400, SendOutcome.Unreachable)]
    [InlineData(21408, 400, SendOutcome.ConfigurationError)]
    [InlineData(21606, 400, SendOutcome.ConfigurationError)]
    [InlineData(20500, 500, SendOutcome.RetryLater)]
    public async Task SendSmsAsync_TwilioError_ClassifiedByCode(int code, int httpStatus, SendOutcome expected)
    {
        twilio.EnqueueError(code, httpStatus);
        var result = await Client().SendSmsAsync("254712345678", "hi", null, CancellationToken.None);
        Assert.Equal(expected, result.Outcome);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), result.ErrorCode);
        Assert.Equal(1, twilio.Requests.Count);
    }

    [Fact]
    public async Task SendSmsAsync_SpecErrorBody_UnreachableWithoutEchoingMessage()
    {
        twilio.EnqueueStatus(400, """{"code":21211,"message":"The 'To' number +2547 is not a valid phone number.","more_info":"https://www.twilio.com/docs/errors/21211","status":400}""", "application/json");
        var result = await Client().SendSmsAsync("254712345678", "hi", null, CancellationToken.None);
        Assert.Equal(SendOutcome.Unreachable, result.Outcome);
        Assert.DoesNotContain("+2547", result.Detail);
    }

    [Fact]
    public async Task SendSmsAsync_Plain503_RetryLater()
    {
        twilio.EnqueueStatus(503, "Service Unavailable");
        var result = await Client().SendSmsAsync("254712345678", "hi", null, CancellationToken.None);
        Assert.Equal(SendOutcome.RetryLater, result.Outcome);
    }

    [Fact]
    public async Task SendSmsAsync_AnswerSlowerThanTimeout_UnknownAndSentOnce()
    {
        twilio.EnqueueDelay(TimeSpan.FromSeconds(30));
        // 2 s, not less: on a loaded box (the whole suite starting at once) connecting alone took longer than 0.5 s,
        // so the request never left and the test saw no request at all.
        var result = await Client(timeoutSeconds: 2).SendSmsAsync("254712345678", "hi", null, CancellationToken.None);
        Assert.Equal(SendOutcome.Unknown, result.Outcome);
        // The request left before the timeout; on a loaded machine the fake may log it a moment later.
        Assert.Single(await twilio.Requests.WaitForAsync(1, TimeSpan.FromSeconds(10)));
    }
}
