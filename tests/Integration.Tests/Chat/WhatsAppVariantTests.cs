using System.Text.Json.Nodes;
using Dapper;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Chat;

/// <summary>Edits, timestamps and addressing that the fixture suite touches once, pinned down at their edges.</summary>
public sealed class WhatsAppVariantTests : IAsyncLifetime
{
    private const string Merchant = BotFactory.MerchantPhone;
    private const string Command = "invoice 0712345678 1500 Website design";
    private BotFactory _factory = null!;
    private WhatsAppSender _whatsApp = null!;

    public async Task InitializeAsync()
    {
        _factory = await BotFactory.CreateAsync();
        _whatsApp = new WhatsAppSender(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Edit_SameMessageEditedTwiceIntoACommand_OneInvoiceThenToldEditsDoNotChangeIt()
    {
        await _whatsApp.TextAsync(Merchant, "invoice 0712345678", "wamid.first");
        await _whatsApp.PostAsync(WebhookBuilders.Envelope([Edit("wamid.first", Command)]));
        await _whatsApp.PostAsync(WebhookBuilders.Envelope([Edit("wamid.first", "invoice 0712345678 1600 Website design")]));
        await _whatsApp.DrainAsync();

        await using var c = await _factory.Db.OpenAsync(default);
        Assert.Equal([150000L], await c.QueryAsync<long>("SELECT amount_cents FROM invoices"));
        var last = (await _factory.Services.GetRequiredService<OutboxRepository>().ListAsync(default)).Last(o => o.Recipient == Merchant);
        Assert.Contains("Editing a message does not change an invoice already sent: INV-0001", OutboxRepository.Deserialize(last.Payload).Text);
    }

    [Fact]
    public async Task Edit_InSwahili_ToldInSwahili()
    {
        await _whatsApp.TextAsync(Merchant, "lugha sw");
        await _whatsApp.TextAsync(Merchant, Command, "wamid.command");
        await _whatsApp.PostAsync(WebhookBuilders.Envelope([Edit("wamid.command", "invoice 0712345678 2000 Website design")]));
        await _whatsApp.DrainAsync();

        var last = (await _factory.Services.GetRequiredService<OutboxRepository>().ListAsync(default)).Last(o => o.Recipient == Merchant);
        Assert.StartsWith("Kuhariri ujumbe hakubadilishi ankara", OutboxRepository.Deserialize(last.Payload).Text);
    }

    public static TheoryData<int> SkewedDays => new() { -3, -400, 3 };

    [Theory]
    [MemberData(nameof(SkewedDays))]
    public async Task Message_WithSkewedTimestamp_WindowCountsFromWhenWeReceivedIt(int days)
    {
        var before = DateTimeOffset.UtcNow;
        var skewed = before.AddDays(days).ToUnixTimeSeconds();
        await _whatsApp.PostAsync(WebhookBuilders.Envelope([WebhookBuilders.TextMessage("254712345678", "hello", timestamp: skewed)]));
        await _whatsApp.PostAsync(WebhookBuilders.Envelope([WebhookBuilders.TextMessage(Merchant, "help", timestamp: skewed)]));
        await _whatsApp.DrainAsync();

        await using var c = await _factory.Db.OpenAsync(default);
        var last = (await c.QueryAsync<DateTimeOffset>("SELECT last_inbound_at FROM conversations")).ToList();
        Assert.Equal(2, last.Count);
        Assert.All(last, at => Assert.InRange(at, before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1)));
    }

    [Fact]
    public async Task Status_ForAnotherPhoneNumberId_StoredAndNotApplied()
    {
        var status = WebhookBuilders.Envelope(statuses: [WebhookBuilders.Status("wamid.x", "read", Merchant)])
            .Replace(WebhookBuilders.PhoneNumberId, "1122334455667", StringComparison.Ordinal);

        var response = await _whatsApp.PostAsync(status);
        await _whatsApp.DrainAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var c = await _factory.Db.OpenAsync(default);
        Assert.Equal(1, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE kind = 'Status' AND status = 'DONE'"));
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM message_log WHERE event = 'status'"));
    }

    private static JsonObject Edit(string original, string text)
    {
        var message = WebhookBuilders.TextMessage(Merchant, text);
        message.Remove("text");
        message["type"] = "edit";
        message["edit"] = new JsonObject
        {
            ["original_message_id"] = original,
            ["message"] = new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = text } },
        };
        return message;
    }
}
