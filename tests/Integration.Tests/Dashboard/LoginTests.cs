using System.Text.Json;
using Dapper;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Dashboard;

/// <summary>
/// Logging in to /app without a password: a 6-digit code by WhatsApp, 10 minutes, 5 tries, the same answer for
/// numbers nobody knows, then a cookie session that shows the merchant's own business and nothing of anyone else's.
/// </summary>
public sealed class LoginTests : IAsyncLifetime
{
    private readonly LogCapture _log = LogCapture.Start();
    private BotFactory _factory = null!;
    private DashboardBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _factory = await BotFactory.CreateAsync(_log.Settings());
        _browser = new DashboardBrowser(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task CodeFromWhatsApp_LogsIn_OverviewShowsTheBusinessAndLogoutEndsIt()
    {
        var before = await _browser.Http.GetAsync("/app");
        var asked = await _browser.AskForCodeAsync("0700000001");
        var code = await _browser.LatestCodeSentToAsync(BotFactory.MerchantPhone);
        var entered = await _browser.EnterCodeAsync(BotFactory.MerchantPhone, code!);
        var overview = await _browser.GetTextAsync("/app");
        var logout = await _browser.PostFormAsync("/app/logout", []);
        var after = await _browser.Http.GetAsync("/app");

        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        Assert.Equal("/app/login", before.Headers.Location!.OriginalString);
        Assert.Contains("a 6-digit code is on its way", await asked.Content.ReadAsStringAsync());
        Assert.Equal("/app", entered.Headers.Location!.OriginalString);
        var cookie = Assert.Single(entered.Headers.GetValues("Set-Cookie"), c => c.StartsWith("if_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<strong>Acme Designs</strong>", overview);
        Assert.Contains("Nothing needs you right now.", overview);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.DoesNotContain(_log.Lines, l => l.Contains(code!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownNumber_SameAnswerAsAMerchant_NoCodeSent()
    {
        var known = await (await _browser.AskForCodeAsync(BotFactory.MerchantPhone)).Content.ReadAsStringAsync();
        var unknown = await (await _browser.AskForCodeAsync("0799111222")).Content.ReadAsStringAsync();

        Assert.Equal(Normalize(known, "0700000001"), Normalize(unknown, "0799111222"));
        Assert.Null(await _browser.LatestCodeSentToAsync("254799111222"));
        Assert.NotNull(await _browser.LatestCodeSentToAsync(BotFactory.MerchantPhone));
    }

    [Fact]
    public async Task FiveWrongTries_ThenEvenTheRightCodeIsRefused()
    {
        await _browser.AskForCodeAsync(BotFactory.MerchantPhone);
        var code = (await _browser.LatestCodeSentToAsync(BotFactory.MerchantPhone))!;
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await _browser.EnterCodeAsync(BotFactory.MerchantPhone, wrong)).StatusCode);
        var right = await _browser.EnterCodeAsync(BotFactory.MerchantPhone, code);

        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("wrong, used or expired", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ACode_WorksOnce_AndOnlyTheNewestCounts()
    {
        await _browser.AskForCodeAsync(BotFactory.MerchantPhone);
        var first = (await _browser.LatestCodeSentToAsync(BotFactory.MerchantPhone))!;
        await _browser.AskForCodeAsync(BotFactory.MerchantPhone);
        var second = (await _browser.LatestCodeSentToAsync(BotFactory.MerchantPhone))!;

        var withFirst = first == second ? null : await _browser.EnterCodeAsync(BotFactory.MerchantPhone, first);
        var withSecond = await _browser.EnterCodeAsync(BotFactory.MerchantPhone, second);
        var again = await new DashboardBrowser(_factory).EnterCodeAsync(BotFactory.MerchantPhone, second);

        if (withFirst is not null) Assert.Equal(HttpStatusCode.BadRequest, withFirst.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, withSecond.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task BadInput_EachSaysWhatToType_AndAFormWithoutItsTokenIsRefused()
    {
        var badPhone = await _browser.AskForCodeAsync("07123");
        var badCode = await _browser.EnterCodeAsync(BotFactory.MerchantPhone, "12ab");
        var forged = await _browser.Http.PostAsync("/app/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["phone"] = "0700000001" }));

        Assert.Equal(HttpStatusCode.BadRequest, badPhone.StatusCode);
        Assert.Contains("like 0712345678", await badPhone.Content.ReadAsStringAsync());
        Assert.Contains("value=\"07123\"", await badPhone.Content.ReadAsStringAsync());
        Assert.Contains("The code has 6 digits", await badCode.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(await _browser.LatestCodeSentToAsync(BotFactory.MerchantPhone));
    }

    [Fact]
    public async Task Overview_ShowsOnlyTheMerchantsOwnInvoices_AndASuspendedMerchantIsSignedOut()
    {
        using var api = _factory.ApiClient();
        var other = await (await api.PostAsJsonAsync("/merchants", new { phone = "0722000111", name = "Duka La Pili" })).Content.ReadFromJsonAsync<JsonElement>();
        var otherId = other.GetProperty("id").GetInt64();
        (await api.PostAsJsonAsync("/invoices", new { msisdn = "0712345678", amount_cents = 150_000, description = "Website design" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync($"/invoices?merchant_id={otherId}", new { msisdn = "0733000222", amount_cents = 99_900, description = "Secret sauce" }))
            .EnsureSuccessStatusCode();

        await _browser.LogInAsync(BotFactory.MerchantPhone);
        var overview = await _browser.GetTextAsync("/app");
        var merchantId = (await api.GetFromJsonAsync<JsonElement>("/merchants")).GetProperty("merchants")[0].GetProperty("id").GetInt64();
        await api.PostAsync($"/merchants/{merchantId}/suspend", null);
        var suspended = await _browser.Http.GetAsync("/app");

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(overview, "data-invoice=\"INV-0001\""));
        Assert.Contains("0712345678", overview);
        Assert.Contains("KES 1,500", overview);
        Assert.DoesNotContain("KES 999", overview);
        Assert.DoesNotContain("0733000222", overview);
        Assert.Equal(HttpStatusCode.Redirect, suspended.StatusCode);
    }

    [Fact]
    public async Task Staff_LogInToTheirMerchant_UntilRemoved()
    {
        var owner = new Chat.MerchantChatDriver(_factory);
        await owner.SayAsync("staff add 0711222333 Jane");

        var entered = await _browser.LogInAsync("254711222333");
        var overview = await _browser.GetTextAsync("/app");
        await owner.SayAsync("staff remove 0711222333");
        var afterRemoval = await _browser.Http.GetAsync("/app");

        Assert.Equal("/app", entered.Headers.Location!.OriginalString);
        Assert.Contains("<strong>Acme Designs</strong>", overview);
        Assert.Equal(HttpStatusCode.Redirect, afterRemoval.StatusCode);
    }

    [Fact]
    public async Task WebCommand_OneTapLink_AFetchLikeAPreviewUsesNothing_ThePressLogsInOnce()
    {
        var owner = new Chat.MerchantChatDriver(_factory);
        var reply = await owner.SayAsync("dashibodi");
        var path = System.Text.RegularExpressions.Regex.Match(reply, @"https://bot\.example\.com(/app/login/link/[A-Za-z0-9_-]+)").Groups[1].Value;

        var preview = await _browser.Http.GetAsync(path);
        var pressed = await _browser.PostFormAsync(path, []);
        var overview = await _browser.GetTextAsync("/app");
        var again = await new DashboardBrowser(_factory).PostFormAsync(path, []);

        Assert.Contains("Dashibodi yako ya InvoiceFirst", reply); // a Swahili keyword is answered in Swahili
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains($"action=\"{path}?lang=en\"", await preview.Content.ReadAsStringAsync());
        Assert.Equal("/app", pressed.Headers.Location!.OriginalString);
        Assert.Contains("<strong>Acme Designs</strong>", overview);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("used already or has expired", await again.Content.ReadAsStringAsync());
        Assert.DoesNotContain(_log.Lines, l => l.Contains(path[(path.LastIndexOf('/') + 1)..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task LiveEvents_OnlyTheMerchantsOwn_AndNoneWithoutASession()
    {
        using var api = _factory.ApiClient();
        var other = await (await api.PostAsJsonAsync("/merchants", new { phone = "0722000111", name = "Duka La Pili" })).Content.ReadFromJsonAsync<JsonElement>();
        var anonymous = await _browser.Http.GetAsync("/app/events");
        await _browser.LogInAsync(BotFactory.MerchantPhone);

        using var stream = await _browser.Http.GetAsync("/app/events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        (await api.PostAsJsonAsync($"/invoices?merchant_id={other.GetProperty("id").GetInt64()}",
            new { msisdn = "0733000222", amount_cents = 99_900, description = "Secret sauce" })).EnsureSuccessStatusCode();
        (await api.PostAsJsonAsync("/invoices", new { msisdn = "0712345678", amount_cents = 150_000, description = "Website design" }))
            .EnsureSuccessStatusCode();
        var mine = await api.GetFromJsonAsync<JsonElement>("/invoices");
        var first = await NextEventDataAsync(reader);

        Assert.Equal(HttpStatusCode.NoContent, anonymous.StatusCode);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType!.MediaType);
        Assert.Contains(mine.GetProperty("items")[0].GetProperty("id").GetString()!, first); // the other merchant's came first, and was not sent
    }

    private static async Task<string> NextEventDataAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
            if (line.StartsWith("data: ", StringComparison.Ordinal)) return line;
        throw new InvalidOperationException("the stream ended");
    }

    [Fact]
    public async Task OnSqlite_LogsIn()
    {
        await using var sqlite = await BotFactory.CreateSqliteAsync();
        var browser = new DashboardBrowser(sqlite);

        var entered = await browser.LogInAsync(BotFactory.MerchantPhone);

        Assert.Equal("/app", entered.Headers.Location!.OriginalString);
        Assert.Contains("Acme Designs", await browser.GetTextAsync("/app"));
    }

    private static string Normalize(string html, string phone) =>
        System.Text.RegularExpressions.Regex.Replace(html.Replace(phone, "PHONE", StringComparison.Ordinal), @"value=""[^""]*""", "value=\"\"");
}
