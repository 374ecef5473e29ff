using Dapper;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Chat;

/// <summary>Invoices with line items from chat, the product list and VAT, over the real host on PostgreSQL (and SQLite once).</summary>
public sealed class ItemInvoiceTests : IAsyncLifetime
{
    private const string Customer = "254712345678";
    private BotFactory _factory = null!;
    private MerchantChatDriver _merchant = null!;

    public async Task InitializeAsync()
    {
        _factory = await BotFactory.CreateAsync();
        _merchant = new MerchantChatDriver(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task MultiItemInvoice_SummaryThenSend_CustomerGetsTheItemsAndTotal()
    {
        var summary = await _merchant.SayAsync("invoice 0712345678 2 cement @750, wheelbarrow 4500, delivery 300");
        var before = await InvoiceCountAsync();
        await _merchant.TapAsync("draft:send");

        Assert.StartsWith("Send this invoice?", summary);
        Assert.Contains("2 x cement @ KES 750 = KES 1,500", summary);
        Assert.Contains("wheelbarrow: KES 4,500", summary);
        Assert.Contains("Total: KES 6,300", summary);
        Assert.Equal(0, before);
        var sent = await ToCustomerAsync();
        Assert.Contains("2 x cement @ KES 750 = KES 1,500\nwheelbarrow: KES 4,500\ndelivery: KES 300\nAmount: KES 6,300", sent.Text);
        Assert.StartsWith("pay:", Assert.Single(sent.Buttons).Id);
        Assert.Contains("KES 6,300", sent.SmsText);
        Assert.Contains("/pay/", sent.SmsText);
        await using var connection = await _factory.Db.OpenAsync(default);
        Assert.Equal(630000, await connection.ExecuteScalarAsync<long>("SELECT amount_cents FROM invoices"));
        var items = (await connection.QueryAsync<(string, int, long)>(
            "SELECT description, quantity, unit_amount_cents FROM invoice_items ORDER BY position")).ToList();
        Assert.Equal([("cement", 2, 75000L), ("wheelbarrow", 1, 450000L), ("delivery", 1, 30000L)], items);
    }

    [Fact]
    public async Task OneLineCommand_StaysAsItWas_SentAtOnceWithItsDescription()
    {
        await _merchant.SayAsync("invoice 0712345678 1500 Website design, hosting and domain");

        var sent = await ToCustomerAsync();
        Assert.Contains("Website design, hosting and domain\nAmount: KES 1,500\n", sent.Text);
        Assert.DoesNotContain("VAT", sent.Text);
    }

    [Fact]
    public async Task SavedItems_UsedByNameAndPrefix_PricedFromTheList()
    {
        var saved = await _merchant.SayAsync("item add Cement 750");
        await _merchant.SayAsync("bidhaa ongeza Mchanga 1,200");
        var list = await _merchant.SayAsync("items");
        var summary = await _merchant.SayAsync("invoice 0712345678 2 cem, mchanga, delivery 300");
        await _merchant.SayAsync("yes");
        var unknown = await _merchant.SayAsync("invoice 0712345678 gravel, delivery 300");
        var removed = await _merchant.SayAsync("item remove cement");

        Assert.StartsWith("Saved: Cement KES 750", saved);
        Assert.Contains("Cement KES 750", list);
        Assert.Contains("Mchanga KES 1,200", list);
        Assert.Contains("2 x Cement @ KES 750 = KES 1,500", summary);
        Assert.Contains("Mchanga: KES 1,200", summary);
        Assert.Contains("Total: KES 3,000", summary);
        Assert.Contains("2 x Cement @ KES 750 = KES 1,500", (await ToCustomerAsync()).Text);
        Assert.Contains("\"gravel\"", unknown);
        Assert.StartsWith("Removed Cement", removed);
        Assert.DoesNotContain("Cement", await _merchant.SayAsync("items"));
    }

    [Fact]
    public async Task SavedItem_OneLineWithCount_IsThatManyOfItAfterTheSummary()
    {
        await _merchant.SayAsync("item add Cement 750");

        var summary = await _merchant.SayAsync("invoice 0712345678 2 cement");

        Assert.StartsWith("Send this invoice?", summary);
        Assert.Contains("2 x Cement @ KES 750 = KES 1,500", summary);
        Assert.Equal(0, await InvoiceCountAsync());
    }

    [Fact]
    public async Task SavedItems_AmbiguousPrefix_AsksWhichAndSendsNothing()
    {
        await _merchant.SayAsync("item add Cement 750");
        await _merchant.SayAsync("item add Cereal 300");

        var asked = await _merchant.SayAsync("invoice 0712345678 2 ce, delivery 300");

        Assert.Contains("Cement", asked);
        Assert.Contains("Cereal", asked);
        Assert.Equal(0, await InvoiceCountAsync());
    }

    [Fact]
    public async Task GuidedFlow_AddAnotherItemAtTheSummary_BackRemovesTheLast()
    {
        await _merchant.SayAsync("new");
        await _merchant.SayAsync("0712345678");
        await _merchant.SayAsync("skip");
        await _merchant.SayAsync("1500");
        var first = await _merchant.SayAsync("Website design");
        var added = await _merchant.SayAsync("hosting 500");
        var more = await _merchant.SayAsync("2 x domain @ 1,000");
        var back = await _merchant.SayAsync("back");
        await _merchant.TapAsync("draft:send");

        Assert.Contains("Send another item", first);
        Assert.Contains("Website design: KES 1,500\nhosting: KES 500", added);
        Assert.Contains("Total: KES 2,000", added);
        Assert.Contains("Total: KES 4,000", more);
        Assert.DoesNotContain("domain", back);
        Assert.Contains("Total: KES 2,000", back);
        Assert.Contains("Website design: KES 1,500\nhosting: KES 500\nAmount: KES 2,000", (await ToCustomerAsync()).Text);
    }

    [Theory]
    [InlineData("vat exclusive", 1000, "Net: KES 1,000\nVAT 16%: KES 160\nAmount: KES 1,160", 116000, 16000)]
    [InlineData("vat inclusive", 1000, "Net: KES 862\nVAT 16% (included): KES 138\nAmount: KES 1,000", 100000, 13800)]
    [InlineData("vat none", 1000, "Consulting\nAmount: KES 1,000", 100000, 0)]
    public async Task Vat_PerMerchantSetting_InvoiceShowsNetVatAndGross(string setting, long shillings, string shown, long grossCents, long vatCents)
    {
        var switched = await _merchant.SayAsync(setting);
        await _merchant.SayAsync($"invoice 0712345678 {shillings} Consulting");

        Assert.StartsWith("VAT:", switched);
        Assert.Contains(shown, (await ToCustomerAsync()).Text);
        await using var connection = await _factory.Db.OpenAsync(default);
        var (amount, vat) = await connection.QuerySingleAsync<(long, long)>("SELECT amount_cents, vat_cents FROM invoices");
        Assert.Equal((grossCents, vatCents), (amount, vat));
    }

    [Fact]
    public async Task Vat_ExclusiveItems_SummaryShowsTheTotalTheCustomerPays()
    {
        await _merchant.SayAsync("vat exclusive");

        var summary = await _merchant.SayAsync("invoice 0712345678 cement @750, delivery 300");

        Assert.Contains("Net: KES 1,050\nVAT 16%: KES 168\nTotal: KES 1,218", summary);
    }

    [Fact]
    public async Task Vat_Staff_IsToldOnlyTheOwnerMaySetIt()
    {
        await _merchant.SayAsync("staff add 0722000111 Juma");
        var staff = new MerchantChatDriver(_factory, "254722000111");

        var refused = await staff.SayAsync("vat exclusive");

        Assert.DoesNotContain("VAT:", refused);
        await using var connection = await _factory.Db.OpenAsync(default);
        Assert.Equal("NONE", await connection.ExecuteScalarAsync<string>("SELECT vat FROM merchants"));
    }

    [Fact]
    public async Task SavedItems_OnEmbeddedSqlite_BehaveAsOnPostgres()
    {
        await using var factory = await BotFactory.CreateSqliteAsync();
        var merchant = new MerchantChatDriver(factory);

        await merchant.SayAsync("item add Cement 700");
        await merchant.SayAsync("item add CEMENT 750");
        var summary = await merchant.SayAsync("invoice 0712345678 2 cement, delivery 300");
        await merchant.SayAsync("yes");

        Assert.False(factory.Db.IsPostgres);
        Assert.Contains("2 x CEMENT @ KES 750 = KES 1,500", summary);
        await using var connection = await factory.Db.OpenAsync(default);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM products"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM invoice_items"));
        Assert.Equal(180000, await connection.ExecuteScalarAsync<long>("SELECT amount_cents FROM invoices"));
    }

    private async Task<OutboundMessage> ToCustomerAsync() =>
        OutboxRepository.Deserialize((await _merchant.OutboxAsync()).Last(o => o.Recipient == Customer && o.Purpose == OutboxPurpose.Invoice).Payload);

    private async Task<long> InvoiceCountAsync()
    {
        await using var connection = await _factory.Db.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM invoices");
    }
}
