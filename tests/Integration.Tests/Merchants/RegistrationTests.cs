using System.Text.Json;
using Dapper;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Chat;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Merchants;

/// <summary>
/// A number nobody knows joins by chat: the welcome, REGISTER (JISAJILI), name, how customers pay, the summary,
/// then an active merchant at once (open), a pending one the operator approves or declines (approval), or a polite
/// refusal (closed). Over the real host on PostgreSQL, and the open path on SQLite.
/// </summary>
public sealed class RegistrationTests
{
    private const string Newcomer = "254711222333";

    [Fact]
    public async Task Open_UnknownNumberIsWelcomedThenRegistersAndInvoicesAtOnce()
    {
        await using var factory = await BotFactory.CreateAsync(Settings("open"));
        await OpenRegistrationEndToEndAsync(factory);
    }

    [Fact]
    public async Task Open_OnSqlite_RegistersAndInvoices()
    {
        await using var factory = await BotFactory.CreateSqliteAsync(Settings("open"));
        await OpenRegistrationEndToEndAsync(factory);
    }

    [Fact]
    public async Task Approval_InSwahili_PendingUntilApprovedThenToldAndInvoicing()
    {
        await using var factory = await BotFactory.CreateAsync(Settings("approval"));
        var newcomer = new MerchantChatDriver(factory, Newcomer);

        Assert.Contains("Jina la biashara", await newcomer.SayAsync("jisajili"));
        Assert.Contains("Till", await newcomer.SayAsync("Duka la Pili"));
        var summary = await newcomer.SayAsync("paybill 522522 akaunti 0011");
        var pending = await newcomer.SayAsync("ndio");
        var whilePending = await newcomer.SayAsync("ankara 0712345678 1500 Sukuma");

        Assert.Contains("Paybill 522522, akaunti 0011", summary);
        Assert.Contains("Lugha: Kiswahili", summary);
        Assert.Contains("inasubiri kuidhinishwa", pending);
        Assert.Contains("unasubiri kuidhinishwa", whilePending);
        Assert.Equal(0, await CountAsync(factory, "SELECT count(*) FROM invoices"));
        var merchant = await MerchantAsync(factory);
        Assert.Equal(("pending", "paybill", "522522", "0011", "sw"),
            (merchant.Status, merchant.PayRoute, merchant.PayNumber, merchant.PayAccount, merchant.Language));

        using var api = factory.ApiClient();
        (await api.PostAsync($"/merchants/{merchant.Id}/approve", null)).EnsureSuccessStatusCode();
        var told = await newcomer.LastToMerchantAsync();
        await newcomer.SayAsync("ankara 0712345678 1500 Sukuma");

        Assert.Contains("imeidhinishwa", told.Text);
        Assert.Contains(merchant.Code!, told.Text);
        Assert.NotNull(told.SmsText); // approval may come after the 24-hour window: it can go by SMS
        Assert.Equal(1, await CountAsync(factory, "SELECT count(*) FROM invoices"));
    }

    [Fact]
    public async Task Approval_Declined_RegistrantIsToldOnceAndCannotInvoice()
    {
        await using var factory = await BotFactory.CreateAsync(Settings("approval"));
        var newcomer = new MerchantChatDriver(factory, Newcomer);
        await RegisterAsync(newcomer, "register", "Mama Mboga Greens", "till 123456");
        var merchant = await MerchantAsync(factory);

        using var api = factory.ApiClient();
        (await api.PostAsync($"/merchants/{merchant.Id}/decline", null)).EnsureSuccessStatusCode();
        var again = await api.PostAsync($"/merchants/{merchant.Id}/decline", null);
        var told = (await newcomer.OutboxAsync()).Where(o => o.Recipient == Newcomer && o.Purpose == OutboxPurpose.Notice).ToList();
        var afterwards = await newcomer.SayAsync("invoice 0712345678 1500 Sukuma");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("was not approved", Assert.Single(told).Payload);
        Assert.Contains("not approved", afterwards);
        Assert.Equal(0, await CountAsync(factory, "SELECT count(*) FROM invoices"));
    }

    [Fact]
    public async Task Closed_RegisterIsRefusedPolitelyAndNoMerchantIsMade()
    {
        await using var factory = await BotFactory.CreateAsync(Settings("closed"));
        var newcomer = new MerchantChatDriver(factory, Newcomer);

        var welcome = await newcomer.SayAsync("hello");
        var refused = await newcomer.SayAsync("register");

        Assert.Contains("contact 0700 123 456", welcome);
        Assert.DoesNotContain("REGISTER", welcome);
        Assert.Contains("cannot join", refused);
        Assert.Contains("0700 123 456", refused);
        Assert.Equal(1, await CountAsync(factory, "SELECT count(*) FROM merchants")); // the seeded one only
    }

    [Fact]
    public async Task Customer_FreeTextGetsCustomerHelpNotTheWelcome_ButMayStillRegister()
    {
        await using var factory = await BotFactory.CreateAsync(Settings("open"));
        var seeded = new MerchantChatDriver(factory);
        await seeded.SayAsync($"invoice 0{Newcomer[3..]} 1500 Website design");
        var customer = new MerchantChatDriver(factory, Newcomer);

        var help = await customer.SayAsync("hello, what is this?");
        var registering = await customer.SayAsync("register");

        Assert.Contains("Pay with M-PESA", help);
        Assert.DoesNotContain("REGISTER", help);
        Assert.Contains("business name", registering);
    }

    [Fact]
    public async Task BadAnswers_EachGetsWhatToType_AndEditCancelWork()
    {
        await using var factory = await BotFactory.CreateAsync(Settings("open"));
        var newcomer = new MerchantChatDriver(factory, Newcomer);
        await newcomer.SayAsync("register");

        var shortName = await newcomer.SayAsync("X");
        await newcomer.SayAsync("Acme Two");
        var shortTill = await newcomer.SayAsync("till 12");
        var tillAccount = await newcomer.SayAsync("till 123456 account 9");
        var skip = await newcomer.SayAsync("skip"); // the operator's collection account is not offered here
        await newcomer.SayAsync("buy goods 123456");
        var edit = await newcomer.TapAsync("register:edit");
        await newcomer.SayAsync("1");
        var renamed = await newcomer.SayAsync("Acme Three");
        var switched = await newcomer.SayAsync("lugha sw");
        var cancelled = await newcomer.TapAsync("register:cancel");
        var afterwards = await newcomer.SayAsync("yes");

        Assert.Contains("2-60 characters", shortName);
        Assert.Contains("5 to 7 digits", shortTill);
        Assert.Contains("Till number has no account", tillAccount);
        Assert.Contains("not offered here", skip);
        Assert.Contains("What should I change?", edit);
        Assert.Contains("Business: Acme Three", renamed);
        Assert.Contains("Till 123456", renamed);
        Assert.Contains("Biashara: Acme Three", switched);
        Assert.Contains("Usajili umeghairiwa", cancelled);
        Assert.Contains("JISAJILI", afterwards); // the welcome again: nothing was registered
        Assert.Equal(1, await CountAsync(factory, "SELECT count(*) FROM merchants"));
    }

    private static async Task OpenRegistrationEndToEndAsync(BotFactory factory)
    {
        var newcomer = new MerchantChatDriver(factory, Newcomer);

        var welcome = await newcomer.SayAsync("Hi");
        var welcomed = await RegisterAsync(newcomer, "Register", "Mama Mboga Greens", "till 123456");
        await newcomer.SayAsync("invoice 0712345678 1500 Sukuma wiki");

        Assert.Contains("REGISTER", welcome);
        Assert.Contains("JISAJILI", welcome);
        var merchant = await MerchantAsync(factory);
        Assert.Equal(("active", "till", "123456", "en", "Mama Mboga Greens"),
            (merchant.Status, merchant.PayRoute, merchant.PayNumber, merchant.Language, merchant.Name));
        Assert.Contains($"merchant code is {merchant.Code}", welcomed);
        Assert.Contains("invoice 0712345678 1500", welcomed);
        await using var c = await factory.Db.OpenAsync(default);
        var invoice = await c.QuerySingleAsync<(long MerchantId, string Number, string PaymentRef)>(
            "SELECT merchant_id, number, payment_ref FROM invoices");
        Assert.Equal((merchant.Id, "INV-0001", $"{merchant.Code}-1"), invoice);
    }

    /// <summary>Walks the flow to the end and returns the outcome message.</summary>
    private static async Task<string> RegisterAsync(MerchantChatDriver newcomer, string keyword, string name, string pay)
    {
        await newcomer.SayAsync(keyword);
        await newcomer.SayAsync(name);
        Assert.Contains(pay.Split(' ')[^1], await newcomer.SayAsync(pay));
        return await newcomer.TapAsync("register:confirm");
    }

    private static Dictionary<string, string?> Settings(string mode) => new()
    {
        ["Merchants:Registration"] = mode,
        ["Merchants:ContactText"] = "0700 123 456",
        ["Platform:CollectionEnabled"] = "false",
    };

    private static async Task<MerchantRow> MerchantAsync(BotFactory factory)
    {
        using var api = factory.ApiClient();
        var found = (await api.GetFromJsonAsync<JsonElement>($"/merchants?q={Newcomer}")).GetProperty("merchants");
        return Assert.Single(found.EnumerateArray()).Deserialize<MerchantRow>(new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        })!;
    }

    private static async Task<long> CountAsync(BotFactory factory, string sql)
    {
        await using var c = await factory.Db.OpenAsync(default);
        return await c.ExecuteScalarAsync<long>(sql);
    }

    private sealed record MerchantRow(long Id, string Status, string? Code, string? PayRoute, string? PayNumber, string? PayAccount,
        string Language, string Name);
}
