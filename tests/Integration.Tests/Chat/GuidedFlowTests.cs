using Dapper;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Chat;

public sealed class GuidedFlowTests
{
    private const string Merchant = BotFactory.MerchantPhone;

    [Fact]
    public async Task GuidedFlow_HostRestartsMidway_ResumesWhereTheMerchantWas()
    {
        string connectionString;
        await using (var first = await BotFactory.CreateAsync())
        {
            connectionString = first.HandOverDatabase();
            var whatsApp = new WhatsAppSender(first);
            await whatsApp.TextAsync(Merchant, "new");
            await whatsApp.TextAsync(Merchant, "0712 345 678");
            await whatsApp.DrainAsync();
        }

        await using var second = await BotFactory.CreateAsync(connectionString: connectionString);
        var resumed = new WhatsAppSender(second);
        foreach (var answer in new[] { "Jane Wanjiku", "Ksh 2,500", "Logo design" })
            await resumed.TextAsync(Merchant, answer);
        await resumed.DrainAsync();
        var beforeConfirm = await InvoiceCountAsync(second);
        await resumed.ButtonAsync(Merchant, "draft:send", "Send");
        await resumed.DrainAsync();

        Assert.Equal(0, beforeConfirm);
        await using var connection = await second.Db.OpenAsync(default);
        var invoice = await connection.QuerySingleAsync<(string Number, string Msisdn, string Name, long Cents, string Description)>(
            "SELECT number, msisdn, customer_name, amount_cents, description FROM invoices");
        Assert.Equal(("INV-0001", "254712345678", "Jane Wanjiku", 250000L, "Logo design"), invoice);
        var outbox = await second.Services.GetRequiredService<OutboxRepository>().ListAsync(default);
        var confirm = OutboxRepository.Deserialize(outbox.Last(o => o.Recipient == Merchant && o.Purpose == OutboxPurpose.Reply && o.InvoiceId is null).Payload);
        Assert.Contains(confirm.Buttons, b => b.Id == "draft:send");
    }

    [Fact]
    public async Task GuidedFlow_BadAmount_ReasksWithTheReasonAndKeepsTheDraft()
    {
        await using var factory = await BotFactory.CreateAsync();
        var whatsApp = new WhatsAppSender(factory);
        foreach (var text in new[] { "mpya", "0712345678", "skip", "1500.50" })
            await whatsApp.TextAsync(Merchant, text);
        await whatsApp.DrainAsync();

        var outbox = await factory.Services.GetRequiredService<OutboxRepository>().ListAsync(default);
        var last = OutboxRepository.Deserialize(outbox[^1].Payload).Text;
        Assert.Matches("(?i)senti|cents|shilingi nzima|whole", last);
        Assert.Equal(0, await InvoiceCountAsync(factory));
    }

    private static async Task<long> InvoiceCountAsync(BotFactory factory)
    {
        await using var connection = await factory.Db.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM invoices");
    }
}
