using Dapper;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Chat;

public sealed class InvoiceCommandTests : IAsyncLifetime
{
    private const string Merchant = BotFactory.MerchantPhone;
    private const string Customer = "254712345678";
    private BotFactory _factory = null!;
    private WhatsAppSender _whatsApp = null!;

    public async Task InitializeAsync()
    {
        _factory = await BotFactory.CreateAsync();
        _whatsApp = new WhatsAppSender(_factory);
        await _whatsApp.TextAsync(Merchant, "invoice 0712345678 1500 Website design");
        await _whatsApp.TextAsync(Merchant, "invoice 0722000000 900 Logo");
        await _whatsApp.DrainAsync();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Remind_UnpaidInvoice_ResendsItToTheCustomerAndConfirms()
    {
        var reply = await SayAsync("remind 1");

        Assert.Contains("INV-0001", reply);
        var reminders = (await OutboxAsync()).Where(o => o.Purpose == OutboxPurpose.Reminder).ToList();
        Assert.Equal(Customer, Assert.Single(reminders).Recipient);
        Assert.StartsWith("pay:", Assert.Single(OutboxRepository.Deserialize(reminders[0].Payload).Buttons).Id);
    }

    [Fact]
    public async Task Cancel_UnpaidInvoice_CancelsAndTellsTheCustomer_ThenRefusesTwice()
    {
        var first = await SayAsync("ghairi INV-0001");
        var second = await SayAsync("cancel 1");
        var remind = await SayAsync("remind 1");

        await using var connection = await _factory.Db.OpenAsync(default);
        Assert.Equal("CANCELLED", await connection.ExecuteScalarAsync<string>("SELECT status FROM invoices WHERE number = 'INV-0001'"));
        Assert.Single(await OutboxAsync(), o => o.Purpose == OutboxPurpose.Notice && o.Recipient == Customer);
        Assert.Contains("INV-0001", first);
        Assert.NotEqual(first, second);
        Assert.Contains("INV-0001", second);
        Assert.DoesNotContain(await OutboxAsync(), o => o.Purpose == OutboxPurpose.Reminder);
        Assert.Contains("INV-0001", remind);
    }

    [Fact]
    public async Task StatusAndList_ShowWhatIsOwed()
    {
        var status = await SayAsync("status INV-0002");
        var list = await SayAsync("list");
        var unknown = await SayAsync("status 77");

        Assert.Contains("900", status);
        Assert.Contains("INV-0001", list);
        Assert.Contains("INV-0002", list);
        Assert.True(list.IndexOf("INV-0002", StringComparison.Ordinal) < list.IndexOf("INV-0001", StringComparison.Ordinal), "newest first");
        Assert.Contains("INV-0077", unknown);
    }

    [Fact]
    public async Task Lang_Swahili_IsRememberedForLaterReplies()
    {
        await SayAsync("lang sw");
        var help = await SayAsync("help");

        Assert.Contains("ankara", help);
        await using var connection = await _factory.Db.OpenAsync(default);
        Assert.Equal("sw", await connection.ExecuteScalarAsync<string>("SELECT language FROM merchants"));
    }

    [Fact]
    public async Task Nonsense_GetsShortHelpNotSilence()
    {
        var reply = await SayAsync("blah blah blah");

        Assert.Contains("invoice 0712345678", reply);
    }

    private async Task<string> SayAsync(string text)
    {
        await _whatsApp.TextAsync(Merchant, text);
        await _whatsApp.DrainAsync();
        var last = (await OutboxAsync()).Last(o => o.Recipient == Merchant);
        return OutboxRepository.Deserialize(last.Payload).Text;
    }

    private Task<IReadOnlyList<OutboxEntry>> OutboxAsync() => _factory.Services.GetRequiredService<OutboxRepository>().ListAsync(default);
}
