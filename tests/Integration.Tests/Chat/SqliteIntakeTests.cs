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
}
