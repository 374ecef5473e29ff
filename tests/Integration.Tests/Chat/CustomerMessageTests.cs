using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Chat;

public sealed class CustomerMessageTests
{
    [Fact]
    public async Task Text_FromSomeoneWhoIsNotAMerchantNorACustomer_GetsTheWelcomeAndCreatesNothing()
    {
        await using var factory = await BotFactory.CreateAsync();
        var whatsApp = new WhatsAppSender(factory);

        await whatsApp.TextAsync("254712345678", "invoice 0722000000 500 sneaky");
        await whatsApp.DrainAsync();

        var reply = Assert.Single(await factory.Services.GetRequiredService<OutboxRepository>().ListAsync(default));
        Assert.Equal("254712345678", reply.Recipient);
        Assert.Contains("Reply REGISTER", OutboxRepository.Deserialize(reply.Payload).Text);
        Assert.Empty(await factory.Services.GetRequiredService<InvoiceFirst.Data.Invoices.InvoiceRepository>().ListAsync(1, null, null, 10, default));
    }
}
