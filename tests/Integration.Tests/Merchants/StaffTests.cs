using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Chat;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Payments;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Integration.Tests.Merchants;

/// <summary>
/// The owner adds staff by chat; staff invoice for the business from their own phone, in a conversation of their
/// own, and may change only the invoices they sent; what only the owner may do is refused to them, by name.
/// </summary>
public sealed class StaffTests
{
    private const string Jane = "254711222333";
    private const string OtherOwner = "254722000111";

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Staff_InvoicesAndCancelsOwn_OwnersListSaysByJaneAndTheirInvoiceIsNotHers(Dialect dialect)
    {
        await using var factory = await StartAsync(dialect);
        var owner = new MerchantChatDriver(factory);
        var jane = new MerchantChatDriver(factory, Jane);

        var added = await owner.SayAsync("staff add 0711 222 333 Jane");
        await owner.SayAsync("invoice 0733000222 1500 Logo design");
        var confirmed = await jane.SayAsync("invoice 0722000111 900 Braids");
        var list = await owner.SayAsync("list");
        var refused = await jane.SayAsync("cancel INV-0001");
        var stopRefused = await jane.SayAsync("stop 1");
        var cancelled = await jane.SayAsync("cancel INV-0002");

        Assert.Contains("Jane (0711222333) is now on your staff", added);
        Assert.Contains("Acme Designs added you as staff", await LastTextToAsync(factory, Jane, OutboxPurpose.Notice));
        Assert.Contains("Invoice INV-0002 for KES 900 is on its way", confirmed);
        Assert.Contains("INV-0002 0722000111 KES 900 (by Jane)", list);
        Assert.Matches(@"INV-0001 0733000222 KES 1,500(\n|$)", list);
        Assert.Contains("only the owner can cancel it", refused);
        Assert.Contains("only the owner can cancel it or stop its reminders", stopRefused);
        Assert.Contains("Invoice INV-0002 is cancelled", cancelled);
        var invoices = await InvoicesAsync(factory);
        // The owner's invoice stayed open, its reminders on.
        Assert.Equal([("INV-0001", InvoiceStatus.Pending, null, 1L), ("INV-0002", InvoiceStatus.Cancelled, Jane, 1L)], invoices);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Staff_OwnerOnlyCommands_RefusedInTheirLanguageAndNothingChanges(Dialect dialect)
    {
        await using var factory = await StartAsync(dialect);
        var owner = new MerchantChatDriver(factory);
        var jane = new MerchantChatDriver(factory, Jane);
        await owner.SayAsync("staff add 0711222333 Jane");
        var before = await SettingsAsync(factory);

        var refusals = new List<string>();
        foreach (var command in new[] { "staff add 0733444555 Bob", "staff", "summary on", "reminders off", "stats" })
            refusals.Add(await jane.SayAsync(command));
        var swahili = await jane.SayAsync("takwimu");
        var staffHelp = await jane.SayAsync("msaada");
        var ownerHelp = await owner.SayAsync("help");

        Assert.All(refusals, r => Assert.StartsWith("Only the owner of Acme Designs can do that", r));
        Assert.StartsWith("Ni mmiliki wa Acme Designs tu", swahili);
        Assert.Contains("ghairi INV-0042 - ghairi ankara uliyotuma", staffHelp);
        Assert.DoesNotContain("wafanyakazi ongeza", staffHelp);
        Assert.DoesNotContain("takwimu -", staffHelp);
        // Jane's Swahili is hers: the owner still reads English.
        Assert.Contains("staff add 0712345678 Jane", ownerHelp);
        Assert.Contains("stats - what you invoiced", ownerHelp);
        Assert.Equal(before, await SettingsAsync(factory));
        Assert.Equal("en", before.Language);
        await using var c = await factory.Db.OpenAsync(default);
        Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM merchant_staff"));
    }

    private static async Task<(string Language, long Reminders, long Summary)> SettingsAsync(BotFactory factory)
    {
        await using var c = await factory.Db.OpenAsync(default);
        return await c.QuerySingleAsync<(string, long, long)>("""
            SELECT language, CASE WHEN reminders_enabled THEN 1 ELSE 0 END, CASE WHEN summary_enabled THEN 1 ELSE 0 END FROM merchants
            """);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Staff_Removed_IsAnUnknownNumberAgain(Dialect dialect)
    {
        await using var factory = await StartAsync(dialect);
        var owner = new MerchantChatDriver(factory);
        var jane = new MerchantChatDriver(factory, Jane);
        await owner.SayAsync("wafanyakazi ongeza 0711222333 Jane");

        var removed = await owner.SayAsync("wafanyakazi ondoa +254711222333");
        var again = await owner.SayAsync("staff remove 0711222333");
        var asNobody = await jane.SayAsync("invoice 0722000111 900 Braids");

        Assert.Contains("Jane (0711222333) si mfanyakazi wako tena", removed);
        Assert.Contains("0711222333 is not on your staff", again);
        Assert.Contains("Reply REGISTER", asNobody); // the welcome any number nobody knows gets
        Assert.Empty(await InvoicesAsync(factory));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task StaffAdd_APhoneOfAnotherBusiness_Refused(Dialect dialect)
    {
        await using var factory = await StartAsync(dialect);
        using var api = factory.ApiClient();
        (await api.PostAsJsonAsync("/merchants", new { phone = "0722000111", name = "Duka La Pili" })).EnsureSuccessStatusCode();
        var owner = new MerchantChatDriver(factory);
        var other = new MerchantChatDriver(factory, OtherOwner);

        var ownerOfAnother = await owner.SayAsync("staff add 0722000111 Pili");
        var ownNumber = await owner.SayAsync("staff add 0700000001 Me");
        await other.SayAsync("staff add 0711222333 Jane");
        var staffOfAnother = await owner.SayAsync("staff add 0711222333 Jane");
        var alreadyMine = await other.SayAsync("staff add 0711222333 Janet");
        var badPhone = await owner.SayAsync("staff add 07112 Jane");

        Assert.Contains("0722000111 is already the number of another business", ownerOfAnother);
        Assert.Contains("0700000001 is your own number", ownNumber);
        Assert.Contains("0711222333 is already staff of another business", staffOfAnother);
        Assert.Contains("0711222333 is already on your staff", alreadyMine);
        Assert.Contains("staff add 0712345678 Jane", badPhone);
        await using var c = await factory.Db.OpenAsync(default);
        Assert.Equal([(OtherOwner, "Jane")], (await c.QueryAsync<(string, string)>(
            "SELECT m.phone, s.name FROM merchant_staff s JOIN merchants m ON m.id = s.merchant_id")).AsList());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task GuidedFlow_OwnerAndStaffAtOnce_KeepTheirOwnDrafts(Dialect dialect)
    {
        await using var factory = await StartAsync(dialect);
        var owner = new MerchantChatDriver(factory);
        var jane = new MerchantChatDriver(factory, Jane);
        await owner.SayAsync("staff add 0711222333 Jane");

        foreach (var (ownerSays, janeSays) in new[] { ("new", "mpya"), ("0733000222", "0722000111"), ("skip", "ruka"), ("1500", "900"), ("Logo design", "Braids") })
        {
            await owner.SayAsync(ownerSays);
            await jane.SayAsync(janeSays);
        }
        var janeSummary = await LastTextToAsync(factory, Jane, OutboxPurpose.Reply);
        await owner.TapAsync("draft:send");
        await jane.TapAsync("draft:send");

        Assert.Contains("Braids", janeSummary);
        Assert.DoesNotContain("Logo", janeSummary);
        await using var c = await factory.Db.OpenAsync(default);
        var made = (await c.QueryAsync<(string, long, string, string?)>(
            "SELECT msisdn, amount_cents, description, created_by FROM invoices ORDER BY number")).AsList();
        Assert.Equal([("254733000222", 150000L, "Logo design", null), ("254722000111", 90000L, "Braids", Jane)], made);
        // Jane's Swahili stayed in her own chat.
        Assert.Equal("en", await c.ExecuteScalarAsync<string>("SELECT language FROM merchants"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.BothDialects), MemberType = typeof(TestDatabases))]
    public async Task Staff_TheirInvoicePaid_TheyAndTheOwnerBothHearInTheirLanguages(Dialect dialect)
    {
        await using var h = await PaymentHarness.StartAsync(dialect: dialect);
        var owner = new MerchantChatDriver(h.Factory);
        var jane = new MerchantChatDriver(h.Factory, Jane);
        await owner.SayAsync("staff add 0711222333 Jane");
        await jane.SayAsync("lugha sw");
        await jane.SayAsync("ankara 0712345678 1500 Muundo wa tovuti");
        var invoice = (await h.Factory.Services.GetRequiredService<InvoiceRepository>().ListAsync(1, null, null, 10, default)).Single();

        await h.TapAsync(invoice.Id);
        var (payment, _) = await h.WaitForPushAsync(1);
        await h.PaySuccessAsync(payment);
        await h.UntilInvoiceAsync(invoice.Id, i => i.Status == InvoiceStatus.Paid);
        await h.InboxDrainedAsync();

        Assert.Contains("amelipa KES 1,500 kwa ankara INV-0001", await LastTextToAsync(h.Factory, Jane, OutboxPurpose.Receipt));
        Assert.Contains("paid KES 1,500 for invoice INV-0001", await LastTextToAsync(h.Factory, BotFactory.MerchantPhone, OutboxPurpose.Receipt));
    }

    [Fact]
    public async Task Staff_MerchantSuspended_ToldItIsPausedAndNothingRuns()
    {
        await using var factory = await BotFactory.CreateAsync(new Dictionary<string, string?> { ["Merchants:ContactText"] = "0700 123 456" });
        var owner = new MerchantChatDriver(factory);
        var jane = new MerchantChatDriver(factory, Jane);
        await owner.SayAsync("staff add 0711222333 Jane");
        using var api = factory.ApiClient();
        var id = (await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/merchants")).GetProperty("merchants")[0].GetProperty("id").GetInt64();
        await api.PostAsync($"/merchants/{id}/suspend", null);

        var paused = await jane.SayAsync("invoice 0722000111 900 Braids");

        Assert.Contains("paused", paused);
        Assert.Contains("0700 123 456", paused);
        Assert.Empty(await InvoicesAsync(factory));
    }

    private static Task<BotFactory> StartAsync(Dialect dialect) =>
        dialect == Dialect.Sqlite ? BotFactory.CreateSqliteAsync() : BotFactory.CreateAsync();

    private static async Task<string> LastTextToAsync(BotFactory factory, string recipient, OutboxPurpose purpose)
    {
        var outbox = await factory.Services.GetRequiredService<OutboxRepository>().ListAsync(default);
        return OutboxRepository.Deserialize(outbox.Last(o => o.Recipient == recipient && o.Purpose == purpose).Payload).Text;
    }

    private static async Task<IReadOnlyList<(string Number, InvoiceStatus Status, string? CreatedBy, long Reminders)>> InvoicesAsync(BotFactory factory)
    {
        await using var c = await factory.Db.OpenAsync(default);
        return (await c.QueryAsync<(string, InvoiceStatus, string?, long)>(
            "SELECT number, status, created_by, CASE WHEN reminders_enabled THEN 1 ELSE 0 END FROM invoices ORDER BY number")).AsList();
    }
}
