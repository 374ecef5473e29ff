using InvoiceFirst.Integration.Tests.Dashboard;
using InvoiceFirst.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace InvoiceFirst.Integration.Tests.Ops;

/// <summary>
/// Logging in to /ops: only the phones of Platform:Operators get a code, every number hears the same answer, the
/// session is a cookie of its own that an /app session or an /app code never opens, and it ends when the phone leaves the list.
/// </summary>
public sealed class OpsLoginTests : IAsyncLifetime
{
    private readonly LogCapture _log = LogCapture.Start();
    private BotFactory _factory = null!;
    private OpsBrowser _ops = null!;

    public async Task InitializeAsync()
    {
        // The deployment's merchant is an operator too: its two doors must stay apart.
        _factory = await BotFactory.CreateAsync(new Dictionary<string, string?>(_log.Settings())
        {
            ["Platform:Operators"] = "0799000111, 0700000001",
        });
        _ops = new OpsBrowser(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task OperatorPhone_GetsACode_LogsIn_WithItsOwnCookie_AndLogoutEndsIt()
    {
        var before = await _ops.Http.GetAsync("/ops");
        var asked = await _ops.AskForCodeAsync("0799000111");
        var code = await _ops.LatestCodeSentToAsync(OpsBrowser.Operator);
        var entered = await _ops.EnterCodeAsync(OpsBrowser.Operator, code!);
        var overview = await _ops.Http.GetAsync("/ops");
        var logout = await _ops.PostFormAsync("/ops/logout", []);
        var after = await _ops.Http.GetAsync("/ops");

        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        Assert.Equal("/ops/login", before.Headers.Location!.OriginalString);
        Assert.Contains("a 6-digit code is on its way", await asked.Content.ReadAsStringAsync());
        Assert.Equal("/ops", entered.Headers.Location!.OriginalString);
        var cookie = Assert.Single(entered.Headers.GetValues("Set-Cookie"), c => c.StartsWith("if_ops=", StringComparison.Ordinal));
        Assert.Contains("path=/ops", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        Assert.Contains("Needs attention", await overview.Content.ReadAsStringAsync());
        Assert.Contains("frame-ancestors 'none'", overview.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("/ops/login", logout.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.DoesNotContain(_log.Lines, l => l.Contains(code!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NonOperatorPhone_SameAnswer_NoCodeSent_EvenForAMerchant()
    {
        using var api = _factory.ApiClient();
        (await api.PostAsJsonAsync("/merchants", new { phone = "0722000111", name = "Duka La Pili" })).EnsureSuccessStatusCode();
        var known = await (await _ops.AskForCodeAsync("0799000111")).Content.ReadAsStringAsync();
        var unknown = await (await _ops.AskForCodeAsync("0799111222")).Content.ReadAsStringAsync();
        var merchant = await (await _ops.AskForCodeAsync("0722000111")).Content.ReadAsStringAsync();

        Assert.Equal(Normalize(known, "0799000111"), Normalize(unknown, "0799111222"));
        Assert.Equal(Normalize(known, "0799000111"), Normalize(merchant, "0722000111"));
        Assert.NotNull(await _ops.LatestCodeSentToAsync(OpsBrowser.Operator));
        Assert.Null(await _ops.LatestCodeSentToAsync("254799111222"));
        Assert.Null(await _ops.LatestCodeSentToAsync("254722000111"));
    }

    [Fact]
    public async Task AnAppSession_DoesNotOpenOps_AndACodeOpensOnlyTheDoorItWasAskedAt()
    {
        // The merchant's phone is an operator's too: still, its /app session and its /app code do nothing at /ops.
        var app = new DashboardBrowser(_factory);
        await app.LogInAsync(BotFactory.MerchantPhone);
        var opsWithAppCookie = await app.Http.GetAsync("/ops");

        await app.AskForCodeAsync(BotFactory.MerchantPhone);
        var appCode = (await app.LatestCodeSentToAsync(BotFactory.MerchantPhone))!;
        var appCodeAtOps = await _ops.EnterCodeAsync(BotFactory.MerchantPhone, appCode);

        await _ops.AskForCodeAsync(BotFactory.MerchantPhone);
        var opsCode = (await _ops.LatestCodeSentToAsync(BotFactory.MerchantPhone))!;
        var opsCodeAtApp = await new DashboardBrowser(_factory).EnterCodeAsync(BotFactory.MerchantPhone, opsCode);
        var opsCodeAtOps = await _ops.EnterCodeAsync(BotFactory.MerchantPhone, opsCode);

        Assert.Equal(HttpStatusCode.Redirect, opsWithAppCookie.StatusCode);
        Assert.Equal("/ops/login", opsWithAppCookie.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.BadRequest, appCodeAtOps.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, opsCodeAtApp.StatusCode);
        Assert.Equal("/ops", opsCodeAtOps.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task RemovingThePhoneFromPlatformOperators_EndsItsSession()
    {
        await _ops.LogInAsync();
        var signedIn = await _ops.Http.GetAsync("/ops/merchants");

        var configuration = (IConfigurationRoot)_factory.Services.GetRequiredService<IConfiguration>();
        configuration["Platform:Operators"] = "0700000001";
        configuration.Reload();
        var removed = await _ops.Http.GetAsync("/ops/merchants");
        var action = await _ops.PostFormAsync("/ops/dead-letters/1/retry", []);

        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal("/ops/login", removed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, action.StatusCode);
    }

    [Fact]
    public async Task BadInput_EachSaysWhatToType_AndAFormWithoutItsTokenIsRefused()
    {
        var badPhone = await _ops.AskForCodeAsync("07123");
        var badCode = await _ops.EnterCodeAsync(OpsBrowser.Operator, "12ab");
        var forged = await _ops.Http.PostAsync("/ops/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["phone"] = "0799000111" }));

        Assert.Equal(HttpStatusCode.BadRequest, badPhone.StatusCode);
        Assert.Contains("like 0712345678", await badPhone.Content.ReadAsStringAsync());
        Assert.Contains("The code has 6 digits", await badCode.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(await _ops.LatestCodeSentToAsync(OpsBrowser.Operator));
    }

    private static string Normalize(string html, string phone) =>
        System.Text.RegularExpressions.Regex.Replace(html.Replace(phone, "PHONE", StringComparison.Ordinal), @"value=""[^""]*""", "value=\"\"");
}
