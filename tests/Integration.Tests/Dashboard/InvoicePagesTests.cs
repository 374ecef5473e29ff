using System.Text.Json;
using System.Text.RegularExpressions;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Dashboard;

/// <summary>The invoices pages of /app: search and filters over the merchant's own invoices, paged; one invoice with its history.</summary>
public sealed class InvoicePagesTests : IAsyncLifetime
{
    private BotFactory _factory = null!;
    private DashboardBrowser _browser = null!;
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _factory = await BotFactory.CreateAsync();
        _browser = new DashboardBrowser(_factory);
        _api = _factory.ApiClient();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Search_ByNamePhoneOrDescription_AndStatus_FindsOnlyMatches()
    {
        await CreateAsync("0712345678", 1500, "Website design", "Jane Wanjiru");
        await CreateAsync("0722000111", 800, "Delivery to Thika", null);
        await CreateAsync("0733000222", 2500, "Logo", "Otieno");
        await _browser.LogInAsync(BotFactory.MerchantPhone);

        Assert.Equal(["INV-0001"], Numbers(await _browser.GetTextAsync("/app/invoices?q=jane")));
        Assert.Equal(["INV-0002"], Numbers(await _browser.GetTextAsync("/app/invoices?q=0722000")));
        Assert.Equal(["INV-0002"], Numbers(await _browser.GetTextAsync("/app/invoices?q=thika")));
        Assert.Equal(["INV-0003", "INV-0002", "INV-0001"], Numbers(await _browser.GetTextAsync("/app/invoices?status=pending")));
        Assert.Empty(Numbers(await _browser.GetTextAsync("/app/invoices?status=paid")));
        var badDate = await _browser.GetTextAsync("/app/invoices?from=yesterday");
        Assert.Contains("Dates look like 2026-12-01", badDate);
        Assert.Equal(3, Numbers(badDate).Count);
    }

    [Fact]
    public async Task Paging_TwentyAPage_OlderAndNewerLinksKeepTheFilter()
    {
        for (var i = 0; i < 23; i++) await CreateAsync("0712345678", 100 + i, $"Item {i}", "Jane");
        await _browser.LogInAsync(BotFactory.MerchantPhone);

        var first = await _browser.GetTextAsync("/app/invoices?q=jane");
        var older = Regex.Match(first, @"href=""([^""]+)"" rel=""next""").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        var second = await _browser.GetTextAsync(older);

        Assert.Equal(20, Numbers(first).Count);
        Assert.Contains("1-20 of 23", first);
        Assert.Equal("/app/invoices?q=jane&offset=20", older);
        Assert.Equal(["INV-0003", "INV-0002", "INV-0001"], Numbers(second));
        Assert.Contains("rel=\"prev\"", second);
    }

    [Fact]
    public async Task OneInvoice_ShowsItsFactsAndPayLink_AnotherMerchantsNumberIsTheSame404AsAMissingOne()
    {
        await CreateAsync("0712345678", 1500, "Website design", "Jane Wanjiru");
        var other = await (await _api.PostAsJsonAsync("/merchants", new { phone = "0722000999", name = "Duka La Pili" })).Content.ReadFromJsonAsync<JsonElement>();
        var otherId = other.GetProperty("id").GetInt64();
        await CreateAsync("0733000222", 999, "Secret sauce", null, $"?merchant_id={otherId}");
        await CreateAsync("0733000222", 999, "Secret sauce", null, $"?merchant_id={otherId}");
        await _browser.LogInAsync(BotFactory.MerchantPhone);

        var mine = WebUtility.HtmlDecode(await _browser.GetTextAsync("/app/invoices/INV-0001"));
        var theirs = await _browser.Http.GetAsync("/app/invoices/INV-0002");
        var missing = await _browser.Http.GetAsync("/app/invoices/INV-0999");
        var garbage = await _browser.Http.GetAsync("/app/invoices/%3Cscript%3E");

        Assert.Contains("Jane Wanjiru · 0712345678", mine);
        Assert.Contains("Website design", mine);
        Assert.Contains("KES 1,500", mine);
        Assert.Matches(@"value=""https://bot\.example\.com/pay/[A-Za-z0-9_-]+""", mine);
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
        Assert.Equal(WithoutToken(await missing.Content.ReadAsStringAsync()), WithoutToken(await theirs.Content.ReadAsStringAsync()));
        Assert.DoesNotContain("Secret sauce", await theirs.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Export_InvoicesAndPayments_ParseAsCsvWithShillingsNairobiTimesAndNoFormulas()
    {
        await CreateAsync("0712345678", 1500, "Website design", "Jane Wanjiru");
        await CreateAsync("0722000111", 800, "=HYPERLINK(\"http://evil.example\",\"click\")", "+Otieno");
        var other = await (await _api.PostAsJsonAsync("/merchants", new { phone = "0722000999", name = "Duka La Pili" })).Content.ReadFromJsonAsync<JsonElement>();
        await CreateAsync("0733000222", 999, "Secret sauce", null, $"?merchant_id={other.GetProperty("id").GetInt64()}");
        await _browser.LogInAsync(BotFactory.MerchantPhone);

        var response = await _browser.Http.GetAsync("/app/export/invoices.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = ParseCsv(System.Text.Encoding.UTF8.GetString(bytes[3..]));
        var payments = await _browser.Http.GetAsync("/app/export/payments.csv?from=2026-01-01");
        var badDate = await _browser.Http.GetAsync("/app/export/invoices.csv?from=yesterday");

        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // Excel reads it as UTF-8
        Assert.Equal(["number", "payment_reference", "created", "customer_name", "customer_phone", "description", "amount_kes", "paid_kes",
            "balance_kes", "status", "sent", "paid", "cancelled"], rows[0]);
        Assert.Equal(3, rows.Count); // the header and this merchant's two
        Assert.Equal(["INV-0001", "Jane Wanjiru", "0712345678", "Website design", "1500.00", "0.00", "1500.00", "pending"],
            new[] { 0, 3, 4, 5, 6, 7, 8, 9 }.Select(i => rows[1][i]));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", rows[1][2]);
        Assert.StartsWith("'", rows[2][5]); // a formula is text in a spreadsheet
        Assert.StartsWith("'", rows[2][3]);
        Assert.DoesNotContain(rows, r => r.Contains("Secret sauce"));
        Assert.Equal(HttpStatusCode.OK, payments.StatusCode);
        Assert.Single(ParseCsv((await payments.Content.ReadAsStringAsync()).TrimStart('\uFEFF'))); // the header: nothing paid yet
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
    }

    [Fact]
    public async Task Actions_RemindTwiceWithOneFormIsOneReminder_StaffCannotCancelTheOwnersInvoice_TheOwnerCan()
    {
        await CreateAsync("0712345678", 1500, "Website design", "Jane Wanjiru");
        await new Chat.MerchantChatDriver(_factory).SayAsync("staff add 0711222333 Otieno");
        await _browser.LogInAsync(BotFactory.MerchantPhone);
        var page = await _browser.GetTextAsync("/app/invoices/INV-0001");
        var fields = new Dictionary<string, string>
        {
            ["_form"] = Regex.Match(page, @"name=""_form"" value=""([^""]+)""").Groups[1].Value,
            ["nonce"] = Regex.Match(page, @"name=""nonce"" value=""([^""]+)""").Groups[1].Value,
        };

        var reminded = await _browser.Http.PostAsync("/app/invoices/INV-0001/remind", new FormUrlEncodedContent(fields));
        await _browser.Http.PostAsync("/app/invoices/INV-0001/remind", new FormUrlEncodedContent(fields));
        var staff = new DashboardBrowser(_factory);
        await staff.LogInAsync("254711222333");
        var refused = await staff.PostFormAsync("/app/invoices/INV-0001/cancel", []);
        var statusAfterStaff = await StatusAsync();
        var cancelled = await _browser.PostFormAsync("/app/invoices/INV-0001/cancel", []);
        var forged = await _browser.Http.PostAsync("/app/invoices/INV-0001/remind", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Contains("Reminder for INV-0001 sent to Jane Wanjiru.", WebUtility.HtmlDecode(await reminded.Content.ReadAsStringAsync()));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM outbox WHERE purpose = 'reminder'"));
        Assert.Contains("only the owner can cancel it", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal("PENDING", statusAfterStaff);
        Assert.Contains("cancelled", WebUtility.HtmlDecode(await cancelled.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("CANCELLED", await StatusAsync());
        Assert.Contains("This page was open too long", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync()));
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM outbox WHERE purpose = 'reminder'"));
    }

    private async Task<string> StatusAsync()
    {
        await using var c = await _factory.Db.OpenAsync(default);
        return await Dapper.SqlMapper.ExecuteScalarAsync<string>(c, "SELECT status FROM invoices WHERE number = 'INV-0001'") ?? "";
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var c = await _factory.Db.OpenAsync(default);
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(c, sql);
    }

    [Fact]
    public async Task WithoutASession_EveryPageSendsToTheLogin()
    {
        foreach (var path in new[] { "/app/invoices", "/app/invoices/INV-0001", "/app/export/invoices.csv", "/app/export/payments.csv" })
        {
            var response = await _browser.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/app/login", response.Headers.Location!.OriginalString);
        }
    }

    private async Task CreateAsync(string msisdn, long shillings, string description, string? name, string query = "") =>
        (await _api.PostAsJsonAsync("/invoices" + query, new { msisdn, amount_cents = shillings * 100, description, customer_name = name }))
            .EnsureSuccessStatusCode();

    private static List<string[]> ParseCsv(string text)
    {
        using var csv = CsvHelper.CsvReader.FromText(text, new CsvHelper.CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        return rows;
    }

    private static string WithoutToken(string html) => Regex.Replace(html, @"name=""_form"" value=""[^""]*""", "");

    private static List<string> Numbers(string html) =>
        Regex.Matches(html, @"<tr data-invoice=""([^""]+)""").Select(m => m.Groups[1].Value).ToList();
}
