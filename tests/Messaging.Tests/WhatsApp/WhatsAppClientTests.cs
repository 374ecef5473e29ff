using System.Text.Json.Nodes;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Channels;
using InvoiceFirst.Messaging.WhatsApp;
using InvoiceFirst.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace InvoiceFirst.Messaging.Tests.WhatsApp;

public sealed class WhatsAppClientTests : IAsyncLifetime
{
    private FakeWhatsAppGraph graph = null!;

    public async Task InitializeAsync() => graph = await FakeWhatsAppGraph.StartAsync();

    public async Task DisposeAsync() => await graph.DisposeAsync();

    private WhatsAppClient Client(double timeoutSeconds = 10, string? baseUrl = null) =>
        TestServices.Build(new Dictionary<string, string?>
        {
            ["WhatsApp:BaseUrl"] = baseUrl ?? graph.BaseUrl,
            ["WhatsApp:PhoneNumberId"] = "106540352242922",
            ["WhatsApp:AccessToken"] = "EAAtoken",
            ["WhatsApp:InvoiceTemplate"] = "invoice_reminder",
            ["WhatsApp:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).GetRequiredService<WhatsAppClient>();

    private static readonly OutboundMessage Plain = new() { Text = "Invoice INV-1029: KES 4,500 due 30 Nov." };

    [Fact]
    public async Task SendAsync_PlainText_PostsSpecTextJsonWithBearerToken()
    {
        var result = await Client().SendAsync("254712345678", Plain, useTemplate: false, CancellationToken.None);

        var request = Assert.Single(graph.Requests.All);
        Assert.Equal("/v24.0/106540352242922/messages", request.Path);
        Assert.Equal("Bearer EAAtoken", request.Header("Authorization"));
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        var expected = JsonNode.Parse("""
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"254712345678","type":"text",
             "text":{"preview_url":false,"body":"Invoice INV-1029: KES 4,500 due 30 Nov."}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, request.Json), request.Body);
        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.StartsWith("wamid.", result.ProviderMessageId);
    }

    [Fact]
    public async Task SendAsync_WithButtons_PostsInteractiveButtonJsonTruncated()
    {
        var message = new OutboundMessage
        {
            Text = "KES 4,500 due 30 Nov. How would you like to pay?",
            Header = "Invoice INV-1029",
            Footer = new string('f', 70),
            Buttons =
            [
                new ReplyButton("pay_mpesa:INV-1029", "Pay with M-PESA"),
                new ReplyButton("pdf:INV-1029", "Get PDF of this invoice now"),
                new ReplyButton("help", "Talk to us"),
                new ReplyButton("fourth", "Dropped"),
            ],
        };
        await Client().SendAsync("+254712345678", message, useTemplate: false, CancellationToken.None);

        var json = Assert.Single(graph.Requests.All).Json;
        Assert.Equal("interactive", json["type"]!.GetValue<string>());
        Assert.Equal("254712345678", json["to"]!.GetValue<string>());
        var interactive = json["interactive"]!;
        Assert.Equal("button", interactive["type"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"type":"text","text":"Invoice INV-1029"}"""), interactive["header"]));
        Assert.Equal(60, interactive["footer"]!["text"]!.GetValue<string>().Length);
        var buttons = interactive["action"]!["buttons"]!.AsArray();
        Assert.Equal(3, buttons.Count);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"type":"reply","reply":{"id":"pay_mpesa:INV-1029","title":"Pay with M-PESA"}}"""), buttons[0]));
        Assert.Equal("Get PDF of this invo", buttons[1]!["reply"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendAsync_UseTemplate_PostsSpecTemplateJson()
    {
        var message = Plain with
        {
            Template = new TemplateMessage("invoice_reminder", "en", ["INV-1029", "KES 4,500"], "pay_mpesa:INV-1029"),
        };
        var result = await Client().SendAsync("254712345678", message, useTemplate: true, CancellationToken.None);

        var expected = JsonNode.Parse("""
            {"messaging_product":"whatsapp","to":"254712345678","type":"template",
             "template":{"name":"invoice_reminder","language":{"code":"en"},"components":[
               {"type":"body","parameters":[{"type":"text","text":"INV-1029"},{"type":"text","text":"KES 4,500"}]},
               {"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"payload","payload":"pay_mpesa:INV-1029"}]}]}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, Assert.Single(graph.Requests.All).Json), graph.Requests.All[0].Body);
        Assert.True(result.IsAccepted);
    }

    [Theory]
    [InlineData("US.13491208655302741918")]
    [InlineData("CO.1234567890")]
    [InlineData("US.ENT.11815799212886844830")]
    public async Task SendAsync_ToBusinessScopedUserId_PostsRecipientAndNoPhoneNumber(string userId)
    {
        var result = await Client().SendAsync(userId, Plain, useTemplate: false, CancellationToken.None);

        var expected = JsonNode.Parse($$$"""
            {"messaging_product":"whatsapp","recipient_type":"individual","recipient":"{{{userId}}}","type":"text",
             "text":{"preview_url":false,"body":"Invoice INV-1029: KES 4,500 due 30 Nov."}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, Assert.Single(graph.Requests.All).Json), graph.Requests.All[0].Body);
        Assert.True(result.IsAccepted);
    }

    [Fact]
    public async Task SendAsync_TemplateToUserId_RecipientNotTo()
    {
        var message = Plain with { Template = new TemplateMessage("invoice_reminder", "en", ["INV-1029"], null) };
        await Client().SendAsync("KE.13491208655302741918", message, useTemplate: true, CancellationToken.None);

        var json = Assert.Single(graph.Requests.All).Json;
        Assert.Equal(("KE.13491208655302741918", (JsonNode?)null), (json["recipient"]!.GetValue<string>(), json["to"]));
        Assert.Equal("template", json["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendAsync_UseTemplateWithoutTemplate_ConfigurationErrorAndNothingSent()
    {
        var result = await Client().SendAsync("254712345678", Plain, useTemplate: true, CancellationToken.None);
        Assert.Equal(SendOutcome.ConfigurationError, result.Outcome);
        Assert.Equal(0, graph.Requests.Count);
    }

    [Theory]
    [InlineData(130429, SendOutcome.RetryLater)]
    [InlineData(131056, SendOutcome.RetryLater)]
    [InlineData(131000, SendOutcome.RetryLater)]
    [InlineData(131016, SendOutcome.RetryLater)]
    [InlineData(131057, SendOutcome.RetryLater)]
    [InlineData(4, SendOutcome.RetryLater)]
    [InlineData(80007, SendOutcome.RetryLater)]
    [InlineData(131026, SendOutcome.Unreachable)]
    [InlineData(131047, SendOutcome.Unreachable)]
    [InlineData(131021, SendOutcome.Unreachable)]
    [InlineData(131030, SendOutcome.Unreachable)]
    [InlineData(131062, SendOutcome.Unreachable)]
    [InlineData(190, SendOutcome.ConfigurationError)]
    [InlineData(0, SendOutcome.ConfigurationError)]
    [InlineData(3, SendOutcome.ConfigurationError)]
    [InlineData(10, SendOutcome.ConfigurationError)]
    [InlineData(100, SendOutcome.ConfigurationError)]
    [InlineData(131005, SendOutcome.ConfigurationError)]
    [InlineData(131008, SendOutcome.ConfigurationError)]
    [InlineData(131009, SendOutcome.ConfigurationError)]
    [InlineData(131031, SendOutcome.ConfigurationError)]
    [InlineData(132000, SendOutcome.ConfigurationError)]
    [InlineData(132015, SendOutcome.ConfigurationError)]
    [InlineData(133010, SendOutcome.ConfigurationError)]
    public async Task SendAsync_GraphError_ClassifiedByCode(int code, SendOutcome expected)
    {
        graph.EnqueueError(code);
        var result = await Client().SendAsync("254712345678", Plain, false, CancellationToken.None);
        Assert.Equal(expected, result.Outcome);
        Assert.Equal(code.ToString(System.Globalization.CultureInfo.InvariantCulture), result.ErrorCode);
        Assert.Null(result.ProviderMessageId);
        Assert.Equal(1, graph.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_PairRateLimitWithRetryAfter_UsesHeader()
    {
        graph.EnqueueError(131056, 400, new Dictionary<string, string> { ["Retry-After"] = "16" });
        var result = await Client().SendAsync("254712345678", Plain, false, CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(16), result.RetryAfter);
    }

    [Theory]
    [InlineData(500, SendOutcome.RetryLater)]
    [InlineData(503, SendOutcome.RetryLater)]
    [InlineData(429, SendOutcome.RetryLater)]
    [InlineData(404, SendOutcome.ConfigurationError)]
    public async Task SendAsync_HttpStatusWithoutGraphError_ClassifiedByStatusAndNotRetried(int status, SendOutcome expected)
    {
        graph.EnqueueStatus(status, "<html>oops</html>", "text/html");
        var result = await Client().SendAsync("254712345678", Plain, false, CancellationToken.None);
        Assert.Equal(expected, result.Outcome);
        Assert.Equal(1, graph.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_AnswerSlowerThanTimeout_UnknownAndSentOnce()
    {
        graph.EnqueueDelay(TimeSpan.FromSeconds(30));
        // 2 s: under load, connecting alone can outlast 0.5 s and the request would never leave (seen with Twilio's twin).
        var result = await Client(timeoutSeconds: 2).SendAsync("254712345678", Plain, false, CancellationToken.None);
        Assert.Equal(SendOutcome.Unknown, result.Outcome);
        Assert.Equal("timeout", result.ErrorCode);
        // The request left before the timeout; on a loaded machine the fake may log it a moment later.
        Assert.Single(await graph.Requests.WaitForAsync(1, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task SendAsync_ConnectionRefused_RetryLater()
    {
        var result = await Client(baseUrl: TestServices.ClosedPortUrl()).SendAsync("254712345678", Plain, false, CancellationToken.None);
        Assert.Equal(SendOutcome.RetryLater, result.Outcome);
        Assert.Equal("connect_failed", result.ErrorCode);
    }

    [Fact]
    public async Task SendAsync_InvalidNumber_UnreachableWithoutRequest()
    {
        var result = await Client().SendAsync("12", Plain, false, CancellationToken.None);
        Assert.Equal(SendOutcome.Unreachable, result.Outcome);
        Assert.Equal(0, graph.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_MissingAccessToken_ConfigurationErrorWithoutRequest()
    {
        var client = TestServices.Build(new Dictionary<string, string?> { ["WhatsApp:BaseUrl"] = graph.BaseUrl })
            .GetRequiredService<WhatsAppClient>();
        var result = await client.SendAsync("254712345678", Plain, false, CancellationToken.None);
        Assert.Equal(SendOutcome.ConfigurationError, result.Outcome);
        Assert.Equal(0, graph.Requests.Count);
    }
}
