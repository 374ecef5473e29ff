using System.Text.Json;
using System.Text.RegularExpressions;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Dashboard;

/// <summary>The dashboard's new-invoice form, customers, resend by SMS and the owner's settings, over the real host and PostgreSQL.</summary>
public sealed class MerchantPagesTests : IAsyncLifetime
{
    private const string Nonce = "form-nonce-0123456789abcdef";
    private BotFactory _factory = null!;
    private DashboardBrowser _owner = null!;

    public async Task InitializeAsync()
    {
        _factory = await BotFactory.CreateAsync();
        _owner = new DashboardBrowser(_factory);
        await _owner.LogInAsync(BotFactory.MerchantPhone);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task NewInvoiceForm_TheChatsRulesAndWords_OneInvoicePerForm_TheSameAgainIsAskedFirst()
    {
        var blank = await _owner.GetTextAsync("/app/invoices/new?phone=0712345678&name=Jane");
        var badPhone = await SendFormAsync("07123", "1500", "Website design");
        var cents = await SendFormAsync("0712345678", "1500.50", "Website design");
        var shortText = await SendFormAsync("0712345678", "1500", "ab");
        var made = await SendFormAsync("0712345678", "1,500", "Website design", "Jane Wanjiru");
        var replayed = await SendFormAsync("0712345678", "1,500", "Website design", "Jane Wanjiru");
        var same = await SendFormAsync("0712345678", "1,500", "Website design", "Jane Wanjiru", nonce: "another-nonce-0123456789");
        var again = await SendFormAsync("0712345678", "1,500", "Website design", "Jane Wanjiru", nonce: "another-nonce-0123456789", again: true);
        var page = WebUtility.HtmlDecode(await _owner.GetTextAsync(made.Headers.Location!.OriginalString));
        var outbox = await _factory.Services.GetRequiredService<OutboxRepository>().ListAsync(default);

        Assert.Contains("value=\"0712345678\"", blank);
        Assert.Contains("value=\"Jane\"", blank);
        Assert.Equal(HttpStatusCode.BadRequest, badPhone.StatusCode);
        Assert.Contains("That is not a Kenyan mobile number", await TextAsync(badPhone));
        Assert.Contains("value=\"Website design\"", await badPhone.Content.ReadAsStringAsync()); // what was typed stays
        Assert.Contains("M-PESA takes whole shillings only", await TextAsync(cents));
        Assert.Contains("The description is too short", await TextAsync(shortText));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.Equal("/app/invoices/INV-0001?sent=1", made.Headers.Location!.OriginalString);
        Assert.Equal("/app/invoices/INV-0001?sent=1", replayed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Conflict, same.StatusCode);
        Assert.Contains("You sent INV-0001 to this customer for the same amount and description", await TextAsync(same));
        Assert.Contains("name=\"again\" value=\"1\"", await same.Content.ReadAsStringAsync());
        Assert.Equal("/app/invoices/INV-0002?sent=1", again.Headers.Location!.OriginalString);
        Assert.Contains("INV-0001 is on its way to the customer.", page);
        Assert.Contains("Jane Wanjiru · 0712345678", page);
        Assert.Equal(2, outbox.Count(o => o.Purpose == OutboxPurpose.Invoice && o.Recipient == "254712345678"));
    }

    [Fact]
    public async Task Customers_WhoOwesMostFirst_OneCustomersInvoices_AnotherMerchantsCustomerIsA404()
    {
        await CreateAsync("0712345678", 1500, "Jane");
        await CreateAsync("0712345678", 500, "Jane");
        await CreateAsync("0722000111", 4000, "Otieno");
        var other = await (await _factory.ApiClient().PostAsJsonAsync("/merchants", new { phone = "0722000999", name = "Duka La Pili" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        await CreateAsync("0733000222", 999, "Wanjiku", $"?merchant_id={other.GetProperty("id").GetInt64()}");

        var list = WebUtility.HtmlDecode(await _owner.GetTextAsync("/app/customers"));
        var ids = Regex.Matches(list, @"<tr data-customer=""(\d+)""").Select(m => long.Parse(m.Groups[1].Value)).ToList();
        var owed = Regex.Matches(list, @"data-owed=""(\d+)""").Select(m => long.Parse(m.Groups[1].Value)).ToList();
        var jane = WebUtility.HtmlDecode(await _owner.GetTextAsync($"/app/customers/{ids[1]}"));
        var searched = await _owner.GetTextAsync("/app/customers?q=0722");
        await using var c = await _factory.Db.OpenAsync(default);
        var theirs = await Dapper.SqlMapper.ExecuteScalarAsync<long>(c, "SELECT id FROM customers WHERE msisdn = '254733000222'");
        var reach = await _owner.Http.GetAsync($"/app/customers/{theirs}");

        Assert.Equal([400_000, 200_000], owed);
        Assert.DoesNotContain("Wanjiku", list);
        Assert.Contains("Jane", jane);
        Assert.Equal(2, Regex.Matches(jane, "<tr data-invoice=").Count);
        Assert.Contains("/app/invoices/new?phone=0712345678&name=Jane", jane);
        Assert.Single(Regex.Matches(searched, "<tr data-customer="));
        Assert.Equal(HttpStatusCode.NotFound, reach.StatusCode);
    }

    [Fact]
    public async Task ResendBySms_QueuesTheSmsFormOncePerPress_NothingForAPaidOrAnotherMerchantsInvoice()
    {
        await CreateAsync("0712345678", 1500, "Jane");
        var fields = new Dictionary<string, string> { ["nonce"] = Nonce };

        var first = await _owner.PostFormAsync("/app/invoices/INV-0001/resend-sms", new(fields));
        await _owner.PostFormAsync("/app/invoices/INV-0001/resend-sms", new(fields));
        var missing = await _owner.PostFormAsync("/app/invoices/INV-0009/resend-sms", new(fields));
        var sms = (await _factory.Services.GetRequiredService<OutboxRepository>().ListAsync(default)).Where(o => o.Channel == "sms").ToList();

        Assert.Contains("INV-0001 is on its way to 0712345678 by SMS, with the pay link.", await TextAsync(first));
        var only = Assert.Single(sms);
        Assert.Equal("254712345678", only.Recipient);
        Assert.Contains("https://bot.example.com/pay/", OutboxRepository.Deserialize(only.Payload).SmsText);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Settings_TheOwnerChangesTheBusiness_StaffGetA403AndChangeNothing()
    {
        var staffAdded = await _owner.PostFormAsync("/app/settings/staff", new() { ["phone"] = "0711222333", ["name"] = "Otieno" });
        var badStaff = await _owner.PostFormAsync("/app/settings/staff", new() { ["phone"] = "0711", ["name"] = "Otieno" });
        var renamed = await _owner.PostFormAsync("/app/settings/business", new() { ["name"] = "Acme Studio", ["language"] = "sw" });
        var noLetters = await _owner.PostFormAsync("/app/settings/business", new() { ["name"] = "1234", ["language"] = "sw" });
        await _owner.PostFormAsync("/app/settings/messages", new() { ["summary"] = "on" });
        var badRoute = await _owner.PostFormAsync("/app/settings/pay", new() { ["pay"] = "till 12" });
        await _owner.PostFormAsync("/app/settings/pay", new() { ["pay"] = "paybill 522522 account 0011" });
        var staff = new DashboardBrowser(_factory);
        await staff.LogInAsync("254711222333");
        var staffOpens = await staff.Http.GetAsync("/app/settings");
        var staffRenames = await staff.PostFormAsync("/app/settings/business", new() { ["name"] = "Hijacked", ["language"] = "en" });
        var staffNav = await staff.GetTextAsync("/app");
        var forged = await _owner.Http.PostAsync("/app/settings/business", new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Forged" }));
        var merchant = (await _factory.Services.GetRequiredService<Data.Merchants.MerchantRepository>().FindByPhoneAsync(BotFactory.MerchantPhone, default))!;
        var settings = WebUtility.HtmlDecode(await _owner.GetTextAsync("/app/settings"));

        Assert.Contains("Otieno", await TextAsync(staffAdded));
        Assert.Contains(await OutboxAsync(), o => o.Recipient == "254711222333" && o.DedupeKey!.StartsWith("staff-welcome:", StringComparison.Ordinal));
        Assert.Contains("Type their phone like 0712345678.", await TextAsync(badStaff));
        Assert.Contains("Imehifadhiwa.", await TextAsync(renamed)); // the page answers in the language just chosen
        Assert.Equal(HttpStatusCode.BadRequest, noLetters.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRoute.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staffOpens.StatusCode);
        Assert.Contains("Mwenye biashara pekee", await TextAsync(staffOpens)); // the business is Swahili now; staff read it so
        Assert.Equal(HttpStatusCode.Forbidden, staffRenames.StatusCode);
        Assert.DoesNotContain("/app/settings", staffNav);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(("Acme Studio", "sw", true, true, false), (merchant.Name, merchant.Language, merchant.SummaryEnabled,
            merchant.RemindersEnabled is false, merchant.PdfEnabled)); // an unticked box is off
        Assert.Equal(("PAYBILL", "522522", "0011"), (merchant.PayRoute, merchant.PayNumber, merchant.PayAccount));
        Assert.Contains("Paybill 522522, akaunti 0011", settings);
        Assert.Contains("data-staff=\"0711222333\"", settings);
    }

    [Fact]
    public async Task ApiKeys_ShownOnceWhenMade_WorkUntilRevoked_AnotherMerchantsKeyIsA404()
    {
        var created = await _owner.PostFormAsync("/app/settings/keys", []);
        var key = Regex.Match(await created.Content.ReadAsStringAsync(), @"id=""new-key"" readonly value=""(ifk_[^""]+)""").Groups[1].Value;
        var works = await _factory.ClientWithKey(key).GetAsync("/invoices");
        var later = await _owner.GetTextAsync("/app/settings");
        var keyId = Regex.Match(later, @"data-key=""(\d+)""").Groups[1].Value;
        var other = await (await _factory.ApiClient().PostAsJsonAsync("/merchants", new { phone = "0722000999", name = "Duka La Pili" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var theirKey = await (await _factory.ApiClient().PostAsync($"/merchants/{other.GetProperty("id").GetInt64()}/api-keys", null))
            .Content.ReadFromJsonAsync<JsonElement>();
        var reach = await _owner.PostFormAsync($"/app/settings/keys/{theirKey.GetProperty("id").GetInt64()}/revoke", []);
        var revoked = await _owner.PostFormAsync($"/app/settings/keys/{keyId}/revoke", []);
        var refused = await _factory.ClientWithKey(key).GetAsync("/invoices");

        Assert.StartsWith("ifk_", key);
        Assert.Equal(HttpStatusCode.OK, works.StatusCode);
        Assert.DoesNotContain(key, later);
        Assert.Equal(HttpStatusCode.NotFound, reach.StatusCode);
        Assert.Contains("The key is revoked", await TextAsync(revoked));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task InvoicePage_ShowsEachItemAndTheVat()
    {
        await new Chat.MerchantChatDriver(_factory).SayAsync("vat exclusive");
        (await _factory.ApiClient().PostAsJsonAsync("/invoices", new
        {
            msisdn = "0712345678",
            items = new object[] { new { description = "Cement", quantity = 2, unit_amount_cents = 75_000 }, new { description = "Delivery", unit_amount_cents = 30_000 } },
        })).EnsureSuccessStatusCode();

        var page = WebUtility.HtmlDecode(await _owner.GetTextAsync("/app/invoices/INV-0001"));

        Assert.Contains("2 x Cement @ KES 750</dt><dd data-item>KES 1,500", page);
        Assert.Contains("Delivery</dt><dd data-item>KES 300", page);
        Assert.Contains("VAT 16% (added)</dt><dd data-vat>KES 288", page);
        Assert.Contains("KES 2,088", page); // 1,800 + 16%
    }

    [Fact]
    public async Task InvoiceHistory_NamesTheStaffWhoMadeIt_AndEachMessageWithItsChannelAndHowItWent()
    {
        await _owner.PostFormAsync("/app/settings/staff", new() { ["phone"] = "0711222333", ["name"] = "Otieno" });
        await new Chat.MerchantChatDriver(_factory, "254711222333").SayAsync("invoice 0712345678 1500 Website design");
        await using (var c = await _factory.Db.OpenAsync(default))
            await Dapper.SqlMapper.ExecuteAsync(c, "UPDATE outbox SET status = 'READ', provider = 'whatsapp', sent_at = created_at WHERE purpose = 'invoice'");
        await _owner.PostFormAsync("/app/invoices/INV-0001/resend-sms", new() { ["nonce"] = Nonce });

        var page = WebUtility.HtmlDecode(await _owner.GetTextAsync("/app/invoices/INV-0001"));

        Assert.Contains("Created by Otieno", page);
        Assert.Contains("Invoice by WhatsApp: read", page);
        Assert.Contains("Message by SMS: waiting to go", page);
    }

    [Fact]
    public async Task Settings_MpesaKeysButton_OpensAOneTimeSetupPageForThisMerchant()
    {
        var before = WebUtility.HtmlDecode(await _owner.GetTextAsync("/app/settings"));
        var link = await _owner.PostFormAsync("/app/settings/mpesa-link", []);
        var page = await _owner.Http.GetAsync(link.Headers.Location!.OriginalString);

        Assert.Contains("Your customers pay through this service's M-PESA account", before);
        Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        Assert.StartsWith("/setup/mpesa/", link.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("For Acme Designs", await TextAsync(page));
    }

    private Task<HttpResponseMessage> SendFormAsync(string phone, string amount, string description, string name = "",
        string nonce = Nonce, bool again = false)
    {
        var fields = new Dictionary<string, string> { ["phone"] = phone, ["amount"] = amount, ["description"] = description, ["name"] = name, ["nonce"] = nonce };
        if (again) fields["again"] = "1";
        return _owner.PostFormAsync("/app/invoices/new", fields);
    }

    private async Task CreateAsync(string msisdn, long shillings, string? name, string query = "") =>
        (await _factory.ApiClient().PostAsJsonAsync("/invoices" + query,
            new { msisdn, amount_cents = shillings * 100, description = "Website design", customer_name = name })).EnsureSuccessStatusCode();

    private Task<IReadOnlyList<OutboxEntry>> OutboxAsync() => _factory.Services.GetRequiredService<OutboxRepository>().ListAsync(default);

    private static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
}
