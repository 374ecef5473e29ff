using System.Text.RegularExpressions;
using InvoiceFirst.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InvoiceFirst.Browser.Tests;

/// <summary>
/// A person at /sandbox in a real headless Chromium (Debian's, never a downloaded one): the bot runs
/// as its own process in Sandbox mode on SQLite, exactly as the README's run command starts it.
/// </summary>
public sealed class SandboxBrowserTests : IAsyncLifetime
{
    private BotProcess _bot = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _bot = BotProcess.Start(new Dictionary<string, string> { ["App__DataDirectory"] = Directory.CreateTempSubdirectory("invoicefirst-browser-").FullName });
        await _bot.WaitForOkAsync("/readyz", TimeSpan.FromSeconds(60));
        _playwright = await Playwright.CreateAsync();
        _browser = await DebianChromium.LaunchAsync(_playwright);
        SetDefaultExpectTimeout(20_000);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task InvoiceTapApprove_ShowsTheReceiptOnBothPhones()
    {
        var page = await OpenSandboxAsync();
        var (merchant, customer) = (page.Locator("#merchant"), page.Locator("#customer"));

        await SendAsync(merchant, "invoice 0712345678 1500 Website design");
        var invoice = customer.Locator(".msg.in").Filter(new() { HasText = "INV-0001" });
        await Expect(invoice).ToBeVisibleAsync();
        await invoice.Locator("button[data-button-id^='pay:']").ClickAsync();

        var prompt = customer.Locator(".prompt");
        await Expect(prompt).ToContainTextAsync("1,500");
        await prompt.Locator("input").FillAsync("1234");
        await prompt.Locator("[data-outcome=approved]").ClickAsync();

        // Both receipts name the M-PESA receipt number the sandbox issued when the prompt was approved.
        var receipt = new Regex("SBX[0-9A-F]{7}");
        await Expect(customer.Locator(".msg.in").Filter(new() { HasTextRegex = receipt })).ToContainTextAsync("KES 1,500");
        await Expect(merchant.Locator(".msg.in").Filter(new() { HasTextRegex = receipt })).ToContainTextAsync("INV-0001");
        await ScreenshotAsync(page, "sandbox-paid.png");
    }

    [Fact]
    public async Task PaybillByHand_VerifiedWithTransactionStatus_ShowsTheReceiptOnBothPhones()
    {
        var page = await OpenSandboxAsync();
        var (merchant, customer) = (page.Locator("#merchant"), page.Locator("#customer"));

        await SendAsync(merchant, "invoice 0712345678 1500 Website design");
        await Expect(customer.Locator(".msg.in").Filter(new() { HasText = "INV-0001" })).ToBeVisibleAsync();
        await customer.Locator("[data-paybill-open]").ClickAsync();
        var menu = customer.Locator("[data-paybill]");
        await Expect(menu).ToContainTextAsync("174379");
        await menu.Locator("input[name=account]").FillAsync("inv-0001");
        await menu.Locator("input[name=amount]").FillAsync("1500");
        await menu.Locator("[data-paybill-send]").ClickAsync();

        // The receipt arrives only after the bot asked the sandbox's Transaction Status about it.
        var receipt = new Regex("SBX[0-9A-F]{7}");
        await Expect(customer.Locator(".msg.in").Filter(new() { HasTextRegex = receipt })).ToContainTextAsync("KES 1,500");
        await Expect(merchant.Locator(".msg.in").Filter(new() { HasTextRegex = receipt })).ToContainTextAsync("INV-0001");
        await ScreenshotAsync(page, "sandbox-paybill.png");
    }

    [Fact]
    public async Task CancelledPrompt_OffersToTryAgain()
    {
        var page = await OpenSandboxAsync();
        var (merchant, customer) = (page.Locator("#merchant"), page.Locator("#customer"));

        await SendAsync(merchant, "invoice 0712345678 800 Delivery");
        await customer.Locator("button[data-button-id^='pay:']").First.ClickAsync();
        await customer.Locator(".prompt [data-outcome=cancelled]").ClickAsync();

        await Expect(customer.Locator(".msg.in").Last.Locator("button[data-button-id^='pay:']")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "sandbox-cancelled.png");
    }

    [Fact]
    public async Task CustomerWithoutWhatsApp_GetsTheInvoiceBySmsWithAWorkingPayLink()
    {
        var page = await OpenSandboxAsync();
        var (merchant, customer) = (page.Locator("#merchant"), page.Locator("#customer"));
        await page.Locator("#customer-number").SelectOptionAsync("254110000222");

        await SendAsync(merchant, "invoice 0110000222 700 Birthday cake");
        var sms = customer.Locator(".msg.sms").Filter(new() { HasText = "INV-0001" });
        await Expect(sms).ToContainTextAsync("SMS");
        var link = sms.Locator("a[href*='/pay/']");
        await Expect(link).ToHaveCountAsync(1);

        var payPage = await _browser.NewPageAsync();
        await payPage.GotoAsync((await link.GetAttributeAsync("href"))!);
        await Expect(payPage.Locator("body")).ToContainTextAsync("INV-0001");
        await Expect(payPage.Locator("body")).ToContainTextAsync("700");
        await ScreenshotAsync(page, "sandbox-sms.png");
    }

    [Fact]
    public async Task PayPage_SwitchedToSwahiliThenPaid_ShowsPaidWithReceiptAndNothingStillDue()
    {
        var page = await OpenSandboxAsync();
        var (merchant, customer) = (page.Locator("#merchant"), page.Locator("#customer"));
        await page.Locator("#customer-number").SelectOptionAsync("254110000222");
        await SendAsync(merchant, "invoice 0110000222 700 Birthday cake");
        var link = customer.Locator(".msg.sms").Filter(new() { HasText = "INV-0001" }).Locator("a[href*='/pay/']");
        await Expect(link).ToHaveCountAsync(1);

        var payPage = await _browser.NewPageAsync();
        await payPage.GotoAsync((await link.GetAttributeAsync("href"))!);
        await Expect(payPage.Locator("button[type=submit]")).ToHaveTextAsync("Pay with M-PESA");
        await payPage.GetByRole(AriaRole.Link, new() { Name = "Kiswahili" }).ClickAsync();
        await Expect(payPage.Locator("html")).ToHaveAttributeAsync("lang", "sw");
        await Expect(payPage.Locator("body")).ToContainTextAsync("KES 700");
        await Expect(payPage.Locator("body")).ToContainTextAsync("Au lipa kwa Paybill");
        await payPage.Locator("button[type=submit]").ClickAsync();
        await Expect(payPage.Locator("#waiting")).ToContainTextAsync("Angalia simu yako");

        var prompt = customer.Locator(".prompt");
        await Expect(prompt).ToContainTextAsync("700");
        await prompt.Locator("input").FillAsync("1234");
        await prompt.Locator("[data-outcome=approved]").ClickAsync();

        // The page notices the payment by itself and shows what was paid, in the language picked, and nothing left to pay.
        var paid = payPage.Locator("#paid");
        await Expect(paid).ToContainTextAsync("Imelipwa. Asante!");
        await Expect(paid.Locator(".receipt")).ToHaveTextAsync(new Regex("^SBX[0-9A-F]{7}$"));
        await Expect(paid).ToContainTextAsync("Imelipwa yote tarehe");
        await Expect(payPage.Locator("body")).Not.ToContainTextAsync("ya kulipa");
        await Expect(payPage.Locator("body")).Not.ToContainTextAsync("Paybill");
        await Expect(payPage.Locator("form")).ToHaveCountAsync(0);
        await ScreenshotAsync(payPage, "paypage-paid-sw.png");
    }

    [Fact]
    public async Task ANewNumber_JoinsByChatThenInvoicesACustomerUnderItsOwnName()
    {
        var page = await OpenSandboxAsync();
        var (merchant, customer) = (page.Locator("#merchant"), page.Locator("#customer"));
        await page.Locator("#merchant-number").SelectOptionAsync("254700000002");

        await SendAsync(merchant, "hello");
        await Expect(merchant.Locator(".msg.in").Last).ToContainTextAsync("Reply REGISTER");
        await SendAsync(merchant, "register");
        await Expect(merchant.Locator(".msg.in").Last).ToContainTextAsync("business name");
        await SendAsync(merchant, "Kibanda Cafe");
        await Expect(merchant.Locator(".msg.in").Last).ToContainTextAsync("till 123456");
        await SendAsync(merchant, "till 123456");
        await merchant.Locator(".msg.in").Last.Locator("button[data-button-id='register:confirm']").ClickAsync();
        await Expect(merchant.Locator(".msg.in").Last).ToContainTextAsync("Welcome to InvoiceFirst, Kibanda Cafe!");

        await SendAsync(merchant, "invoice 0712345678 900 Chai na mandazi");
        await Expect(customer.Locator(".msg.in").Filter(new() { HasText = "INV-0001" })).ToContainTextAsync("Kibanda Cafe");
        await page.ReloadAsync();
        await Expect(page.Locator("#merchant-number option:checked")).ToHaveTextAsync("Kibanda Cafe · 0700000002");
        await Expect(merchant.Locator(".msg.in").Last).ToContainTextAsync("INV-0001");
        await Expect(page.Locator("#merchant-number option").Last).ToHaveTextAsync("A new number · 0700000003");
        await ScreenshotAsync(page, "sandbox-joined.png");
    }

    [Fact]
    public async Task CollectionRoute_AMerchantWhoSkipsIsPaidThroughTheService_TheLedgerShowsOnThePageAndInChat()
    {
        var page = await OpenSandboxAsync();
        var (merchant, customer) = (page.Locator("#merchant"), page.Locator("#customer"));
        var route = merchant.Locator("[data-route]");
        await Expect(route).ToHaveTextAsync("Customers pay this service's Paybill 174379.");
        await page.Locator("#merchant-number").SelectOptionAsync("254700000002");
        await Expect(route).ToContainTextAsync("Not a merchant yet");

        await SendAsync(merchant, "register");
        await Expect(merchant.Locator(".msg.in").Last).ToContainTextAsync("business name");
        await SendAsync(merchant, "Mama Mboga");
        await Expect(merchant.Locator(".msg.in").Last).ToContainTextAsync("till 123456");
        await SendAsync(merchant, "skip");
        await Expect(merchant.Locator(".msg.in").Last.Locator("button[data-button-id='register:confirm']")).ToBeVisibleAsync();
        await merchant.Locator(".msg.in").Last.Locator("button[data-button-id='register:confirm']").ClickAsync();
        await Expect(route).ToHaveTextAsync("Collected for this merchant on this service's Paybill 174379: KES 0 to pay out (send balance).");

        await SendAsync(merchant, "invoice 0712345678 900 Sukuma");
        var invoice = customer.Locator(".msg.in").Filter(new() { HasText = "Mama Mboga" });
        await invoice.Locator("button[data-button-id^='pay:']").ClickAsync();
        var prompt = customer.Locator(".prompt");
        await Expect(prompt).ToContainTextAsync("to 174379");
        await prompt.Locator("input").FillAsync("1234");
        await prompt.Locator("[data-outcome=approved]").ClickAsync();

        await Expect(route).ToHaveTextAsync("Collected for this merchant on this service's Paybill 174379: KES 900 to pay out (send balance).");
        await SendAsync(merchant, "balance");
        await Expect(merchant.Locator(".msg.in").Last).ToContainTextAsync("KES 900");
        await ScreenshotAsync(page, "sandbox-collection.png");
    }

    [Fact]
    public async Task Dashboard_LogInWithTheCodeSentToWhatsApp_ShowsTheInvoiceJustSent()
    {
        var sandbox = await OpenSandboxAsync();
        var merchant = sandbox.Locator("#merchant");
        await SendAsync(merchant, "invoice 0712345678 1500 Website design");
        await Expect(merchant.Locator(".msg.in").Last).ToContainTextAsync("INV-0001");

        var app = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await app.GotoAsync(_bot.BaseUrl + "/app");
        await app.GetByLabel("Your phone number").FillAsync("0700000001");
        await app.GetByRole(AriaRole.Button, new() { Name = "Send me a code" }).ClickAsync();
        await Expect(app.Locator("[role=status]")).ToContainTextAsync("a 6-digit code is on its way");
        var message = merchant.Locator(".msg.in").Filter(new() { HasText = "login code" });
        await Expect(message).ToBeVisibleAsync();
        var code = Regex.Match(await message.InnerTextAsync(), @"\b\d{6}\b").Value;
        await app.GetByLabel("Code").FillAsync(code);
        await app.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();

        await Expect(app.Locator("header strong")).ToHaveTextAsync("Sandbox Shop");
        await Expect(app.Locator("tr[data-invoice='INV-0001']")).ToContainTextAsync("KES 1,500");

        // The customer pays on the sandbox phone; the open overview follows by itself, without a reload.
        var customer = sandbox.Locator("#customer");
        await customer.Locator("button[data-button-id^='pay:']").First.ClickAsync();
        var prompt = customer.Locator(".prompt");
        await prompt.Locator("input").FillAsync("1234");
        await prompt.Locator("[data-outcome=approved]").ClickAsync();
        await Expect(app.Locator("tr[data-invoice='INV-0001']")).ToContainTextAsync("paid");
        await Expect(app.Locator("[data-period=day] b")).ToHaveTextAsync("KES 1,500");
        await Expect(app.Locator("rect.bar:not(.empty)")).ToHaveCountAsync(1); // today's bar in the 30-day chart
        await ScreenshotAsync(app, "dashboard-overview-phone.png");
        await app.SetViewportSizeAsync(1280, 800);
        await ScreenshotAsync(app, "dashboard-overview-desktop.png");
        await app.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(app.GetByLabel("Your phone number")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Dashboard_TheNewInvoiceFormReachesTheCustomer_TheExportParses_StaffCannotOpenSettings()
    {
        var sandbox = await OpenSandboxAsync();
        var (merchant, customer) = (sandbox.Locator("#merchant"), sandbox.Locator("#customer"));
        await SendAsync(merchant, "staff add 0711222333 Otieno");
        await Expect(merchant.Locator(".msg.in").Last).ToContainTextAsync("Otieno");
        var app = await LogInAsync("0700000001", "254700000001");

        await app.GetByRole(AriaRole.Link, new() { Name = "New invoice", Exact = true }).ClickAsync();
        await app.GetByLabel("Customer's phone").FillAsync("0712345678");
        await app.GetByLabel("Customer's name").FillAsync("Jane Wanjiru");
        await app.GetByLabel("Amount").FillAsync("2,500");
        await app.GetByLabel("Description").FillAsync("Logo design");
        await app.GetByRole(AriaRole.Button, new() { Name = "Send the invoice" }).ClickAsync();
        await Expect(app.Locator("[role=status]")).ToContainTextAsync("INV-0001 is on its way to the customer.");
        await Expect(customer.Locator(".msg.in").Filter(new() { HasText = "INV-0001" })).ToContainTextAsync("KES 2,500");

        await app.GetByRole(AriaRole.Link, new() { Name = "Invoices", Exact = true }).ClickAsync();
        var download = await app.RunAndWaitForDownloadAsync(() =>
            app.GetByRole(AriaRole.Link, new() { Name = "Download these invoices (CSV, for Excel)" }).ClickAsync());
        Assert.Matches(@"^invoices-.+\.csv$", download.SuggestedFilename);
        using (var csv = CsvHelper.CsvReader.FromText((await File.ReadAllTextAsync(await download.PathAsync())).TrimStart('\uFEFF'),
                   new CsvHelper.CsvReaderOptions { HasHeader = true }))
        {
            Assert.True(csv.Read());
            Assert.Equal(("INV-0001", "Jane Wanjiru", "2500.00"), (csv.GetString(0), csv.GetString(3), csv.GetString(6)));
            Assert.False(csv.Read());
        }

        var staff = await LogInAsync("0711222333", "254711222333");
        await Expect(staff.Locator("nav")).Not.ToContainTextAsync("Settings");
        var settings = await staff.GotoAsync(_bot.BaseUrl + "/app/settings");
        Assert.Equal(403, settings!.Status);
        await Expect(staff.Locator("h1")).ToHaveTextAsync("Only the owner can do this.");
    }

    [Fact]
    public async Task OwnMpesaKeys_EnteredOnTheLinkedPage_ThePromptChargesTheMerchantsOwnPaybill()
    {
        var sandbox = await OpenSandboxAsync();
        var (merchant, customer) = (sandbox.Locator("#merchant"), sandbox.Locator("#customer"));
        await SendAsync(merchant, "mpesa setup");
        var reply = merchant.Locator(".msg.in").Filter(new() { HasText = "/setup/mpesa/" });
        await Expect(reply).ToBeVisibleAsync();
        var link = Regex.Match(await reply.InnerTextAsync(), @"http\S+/setup/mpesa/\S+").Value;

        var setup = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
        await setup.GotoAsync(link);
        await setup.GetByLabel("Shortcode").FillAsync("600111");
        await setup.GetByLabel("Consumer key").FillAsync("my-own-key");
        await setup.GetByLabel("Consumer secret").FillAsync("my-own-secret");
        await setup.GetByLabel("passkey").FillAsync("my-own-passkey");
        await setup.GetByRole(AriaRole.Button, new() { Name = "Check with Safaricom and save" }).ClickAsync();
        await Expect(setup.Locator("[role=status]")).ToContainTextAsync("your customers pay into your Paybill 600111");
        await Expect(setup.Locator("input[name=consumer_secret]")).ToHaveCountAsync(0); // the form is gone; nothing is shown back
        await Expect(merchant.Locator("[data-route]")).ToHaveTextAsync("Customers pay into this merchant's own Paybill 600111 (its own Daraja keys).");

        await SendAsync(merchant, "invoice 0712345678 900 Logo");
        var invoice = customer.Locator(".msg.in").Filter(new() { HasText = "Logo" });
        await invoice.Locator("button[data-button-id^='pay:']").ClickAsync();
        await Expect(customer.Locator(".prompt")).ToContainTextAsync("to 600111, account");
    }

    /// <summary>Logs in at /app in a new phone-sized page with the code the sandbox delivered to <paramref name="msisdn"/>'s WhatsApp.</summary>
    private async Task<IPage> LogInAsync(string phone, string msisdn)
    {
        var app = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, AcceptDownloads = true });
        await app.GotoAsync(_bot.BaseUrl + "/app");
        await app.GetByLabel("Your phone number").FillAsync(phone);
        await app.GetByRole(AriaRole.Button, new() { Name = "Send me a code" }).ClickAsync();
        await Expect(app.Locator("[role=status]")).ToContainTextAsync("a 6-digit code is on its way");
        using var http = new HttpClient();
        var code = "";
        for (var tries = 0; code.Length == 0 && tries < 100; tries++, await Task.Delay(100))
        {
            var feed = await http.GetStringAsync($"{_bot.BaseUrl}/sandbox/feed?merchant={msisdn}&customer=254712345678");
            code = Regex.Match(feed, @"login code[^""]*?\b(\d{6})\b").Groups[1].Value;
        }
        await app.GetByLabel("Code").FillAsync(code);
        await app.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(app.GetByRole(AriaRole.Button, new() { Name = "Log out" })).ToBeVisibleAsync();
        return app;
    }

    private async Task<IPage> OpenSandboxAsync()
    {
        var page = await _browser.NewPageAsync(new() { ViewportSize = new() { Width = 1000, Height = 820 } });
        await page.GotoAsync(_bot.BaseUrl + "/sandbox");
        await Expect(page.Locator("header")).ToContainTextAsync("no real money moves");
        return page;
    }

    private static async Task SendAsync(ILocator phone, string text)
    {
        var input = phone.Locator("input[name=text]");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }

    /// <summary>Kept as a test artifact under TestResults/ next to the test assembly.</summary>
    private static Task ScreenshotAsync(IPage page, string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(directory);
        return page.ScreenshotAsync(new() { Path = Path.Combine(directory, name), FullPage = true });
    }
}
