using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Chat;

public sealed class SqliteIntakeTests
{
    [Fact]
    public async Task OneLineCommand_OnEmbeddedSqlite_CreatesTheInvoice()
    {
        await using var factory = await BotFactory.CreateSqliteAsync();
        var whatsApp = new WhatsAppSender(factory);

        await whatsApp.TextAsync(BotFactory.MerchantPhone, "ankara 0712345678 1.5k Website design");
        await whatsApp.DrainAsync();

        Assert.False(factory.Db.IsPostgres);
        var invoices = await factory.Services.GetRequiredService<InvoiceFirst.Data.Invoices.InvoiceRepository>()
            .ListAsync(1, null, null, 10, default);
        Assert.Equal(150000, Assert.Single(invoices).AmountCents);
    }

    [Fact]
    public async Task AddressBookPagingAndDuplicateGuard_OnEmbeddedSqlite_BehaveAsOnPostgres()
    {
        await using var factory = await BotFactory.CreateSqliteAsync();
        var merchant = new MerchantChatDriver(factory);

        await merchant.SayAsync("customer Jane Wanjiru 0712345678");
        await merchant.SayAsync("customer Jane Achieng 0722000111");
        var which = await merchant.SayAsync("invoice JANE W 500 Braids");
        var again = await merchant.SayAsync("invoice jane wanjiru 500 braids");
        await merchant.SayAsync("yes");
        var list = await merchant.SayAsync("list");
        var customers = await merchant.SayAsync("customers");

        Assert.False(factory.Db.IsPostgres);
        Assert.Contains("INV-0001", which);
        Assert.StartsWith("You sent INV-0001 less than a minute ago.", again);
        Assert.StartsWith("Unpaid invoices 1-2 of 2:", list);
        Assert.StartsWith("Your customers 1-2 of 2:\nJane Achieng 0722000111\nJane Wanjiru 0712345678", customers);
        Assert.Equal(2, (await merchant.InvoicesAsync()).Count);
    }
}
