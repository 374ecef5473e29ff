using System.Text.RegularExpressions;
using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.WhatsApp;
using InvoiceFirst.Testing;
using InvoiceFirst.Testing.Fakes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InvoiceFirst.Browser.Tests;

/// <summary>
/// An operator at /ops in Debian's headless Chromium: the bot runs as its own process in Live mode on PostgreSQL, every
/// provider a loopback fake; the login code is read from what the fake SMS provider was asked to send.
/// </summary>
public sealed partial class OpsBrowserTests : IAsyncLifetime
{
    private const string AppSecret = "ops-browser-app-secret";
    private const string Operator = "254799000111";
    private const string Registrant = "254733444555";
    private FakeWhatsAppGraph _graph = null!;
    private FakeAfricasTalking _sms = null!;
    private FakeDaraja _daraja = null!;
    private Db _db = null!;
    private BotProcess _bot = null!;
    private string _baseUrl = "";
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        (_graph, _sms, _daraja) = (await FakeWhatsAppGraph.StartAsync(), await FakeAfricasTalking.StartAsync(), await FakeDaraja.StartAsync());
        var target = await TestDatabases.CreateAsync(Dialect.Postgres, "opsbrowser");
        _db = new Db(target);
        var environment = LiveSettings.ForFakes(target.ConnectionString, _graph, _daraja, _sms, AppSecret, "ops-api-key", "Acme Designs");
        environment["Platform__Operators"] = "0799000111";
        environment["Merchants__Registration"] = "approval";
        environment["Outbox__PollInterval"] = "00:00:00.200";
        environment["Reminders__Enabled"] = "false";
        environment["Reconciliation__Enabled"] = "false";
        // Live sets the session and antiforgery cookies Secure: the console is served over HTTPS, as in production.
        _baseUrl = $"https://127.0.0.1:{SelfSignedHttps.FreePort()}";
        foreach (var (k, v) in SelfSignedHttps.KestrelEndpoint(_baseUrl)) environment[k] = v;
        _bot = BotProcess.Start(environment);
        await SelfSignedHttps.WaitForOkAsync(_bot, _baseUrl + "/readyz", TimeSpan.FromSeconds(60));
        _playwright = await Playwright.CreateAsync();
        _browser = await DebianChromium.LaunchAsync(_playwright);
        SetDefaultExpectTimeout(20_000);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _bot.DisposeAsync();
        await _db.DisposeAsync();
        await _graph.DisposeAsync();
        await _sms.DisposeAsync();
        await _daraja.DisposeAsync();
    }

    [Fact]
    public async Task Operator_ApprovesAPendingMerchant_TheRegistrantGetsTheVerdict()
    {
        await RegisterByChatAsync();
        var ops = await LogInAsync();

        await Expect(ops.Locator("[data-attention=pending]")).ToContainTextAsync("1 merchant(s) waiting for approval");
        await ScreenshotAsync(ops, "ops-overview-phone.png");
        await ops.Locator("[data-attention=pending] a").ClickAsync();
        var row = ops.Locator("tr").Filter(new() { HasText = "Kibanda Cafe" });
        await Expect(row.Locator("[data-status]")).ToHaveTextAsync("pending");
        await ScreenshotAsync(ops, "ops-merchants-pending.png");
        await row.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Expect(ops.Locator("[role=status]")).ToHaveTextAsync("Kibanda Cafe is now active.");
        await ops.GotoAsync(_baseUrl + "/ops/merchants?q=kibanda");
        await Expect(ops.Locator("tr").Filter(new() { HasText = "Kibanda Cafe" }).Locator("[data-status]")).ToHaveTextAsync("active");
        var verdict = await WaitForSendAsync(r => FakeWhatsAppGraph.To(r) == Registrant && r.Body.Contains("Good news: Kibanda Cafe is approved", StringComparison.Ordinal));
        Assert.Single(verdict);
    }

    [Fact]
    public async Task DeadLetter_RetriedFromTheConsole_IsSentOnce_APressInASecondTabSendsNothing()
    {
        var id = await AddDeadLetterAsync("254712345678", "Receipt-7Q3Z");
        var ops = await LogInAsync();

        await ops.GetByRole(AriaRole.Link, new() { Name = "Dead letters" }).ClickAsync();
        var row = ops.Locator($"tr[data-dead-letter='{id}']");
        await Expect(row).ToContainTextAsync("undeliverable:131026");
        await Expect(row).ToContainTextAsync("2547****678");
        await Expect(row).Not.ToContainTextAsync("Receipt-7Q3Z");
        // The same list open in a second tab (or a double press): its Retry button is still there once the first is pressed.
        var stale = await ops.Context.NewPageAsync();
        await stale.GotoAsync(_baseUrl + "/ops/dead-letters");
        await ScreenshotAsync(ops, "ops-dead-letters.png");
        await row.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await Expect(ops.Locator("[role=status]")).ToContainTextAsync("Queued again");
        await WaitForSendAsync(IsTheRetried);

        await stale.Locator($"tr[data-dead-letter='{id}']").GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await Expect(stale.Locator("[role=status]")).ToContainTextAsync("no longer a dead letter");
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // several poll intervals: a second send would have gone by now

        Assert.Single(Sends(IsTheRetried));
    }

    private static bool IsTheRetried(RecordedRequest r) => r.Body.Contains("Receipt-7Q3Z", StringComparison.Ordinal);

    /// <summary>Logs in at /ops at phone width, with the code the fake SMS provider was given for the operator.</summary>
    private async Task<IPage> LogInAsync()
    {
        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IgnoreHTTPSErrors = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(_baseUrl + "/ops");
        await page.GetByLabel("Your phone number").FillAsync("0799000111");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a code" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToContainTextAsync("a 6-digit code is on its way");
        var sent = await WaitForSendAsync(r => r.Body.Contains(Operator, StringComparison.Ordinal) && r.Body.Contains("login", StringComparison.Ordinal));
        var code = LoginCode().Match(Uri.UnescapeDataString(sent[^1].Body.Replace('+', ' '))).Groups[1].Value;
        await page.GetByLabel("Code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.Locator("h2#attention")).ToHaveTextAsync("Needs attention");
        return page;
    }

    /// <summary>REGISTER by WhatsApp, as a newcomer does: business name, till, confirm; pending until the operator approves.</summary>
    private async Task RegisterByChatAsync()
    {
        await SayAsync(WebhookBuilders.TextMessage(Registrant, "register"), "business name");
        await SayAsync(WebhookBuilders.TextMessage(Registrant, "Kibanda Cafe"), "till");
        await SayAsync(WebhookBuilders.TextMessage(Registrant, "till 123456"), "register:confirm");
        await SayAsync(WebhookBuilders.ButtonReply(Registrant, "register:confirm", "Confirm"), "approv");
    }

    /// <summary>Posts a signed webhook and waits for the bot's next answer to the registrant to contain <paramref name="expect"/>.</summary>
    private async Task SayAsync(System.Text.Json.Nodes.JsonObject message, string expect)
    {
        var before = Sends(r => FakeWhatsAppGraph.To(r) == Registrant).Count;
        var body = WebhookBuilders.Bytes(WebhookBuilders.Envelope([message]));
        using var http = SelfSignedHttps.Client(_baseUrl);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/whatsapp/webhook") { Content = content };
        request.Headers.Add(WhatsAppSignature.HeaderName, WhatsAppSignature.Sign(body, AppSecret));
        (await http.SendAsync(request)).EnsureSuccessStatusCode();
        var answers = await WaitForSendAsync(r => FakeWhatsAppGraph.To(r) == Registrant, before + 1);
        Assert.Contains(expect, answers[^1].Body, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<long> AddDeadLetterAsync(string recipient, string text) =>
        await _db.InTransactionAsync(async (c, t) =>
        {
            var now = DateTimeOffset.UtcNow;
            var key = "browser-dead:" + Guid.NewGuid().ToString("N");
            await OutboxRepository.EnqueueAsync(c, t, OutboxEntry.Due(recipient, OutboxPurpose.Notice,
                new OutboundMessage { Text = text, SmsText = text }, key, now), default);
            return await c.ExecuteScalarAsync<long>(new CommandDefinition(
                "UPDATE outbox SET status = 'DEAD', last_error = 'undeliverable:131026', attempts = 3 WHERE dedupe_key = @key RETURNING id",
                new { key }, t));
        }, default);

    private List<RecordedRequest> Sends(Func<RecordedRequest, bool> which) => [.. _graph.Requests.All.Concat(_sms.Requests.All).Where(which)];

    private async Task<List<RecordedRequest>> WaitForSendAsync(Func<RecordedRequest, bool> which, int count = 1)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (Sends(which) is var found && found.Count < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no such send; the bot said:\n{_bot.Output}");
            await Task.Delay(50);
        }
        return Sends(which);
    }

    private static Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(directory);
        return page.ScreenshotAsync(new() { Path = Path.Combine(directory, name), FullPage = true });
    }

    [GeneratedRegex(@"code is (\d{6})")]
    private static partial Regex LoginCode();
}
