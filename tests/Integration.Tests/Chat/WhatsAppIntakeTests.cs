using Dapper;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Messaging.WhatsApp;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Chat;

public sealed class WhatsAppIntakeTests : IAsyncLifetime
{
    private const string Merchant = BotFactory.MerchantPhone;
    private BotFactory _factory = null!;
    private WhatsAppSender _whatsApp = null!;

    public async Task InitializeAsync()
    {
        _factory = await BotFactory.CreateAsync();
        _whatsApp = new WhatsAppSender(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task OneLineCommand_Signed_CreatesOneInvoiceAndTwoOutboxRows()
    {
        var response = await _whatsApp.TextAsync(Merchant, "invoice 0712345678 1500 Website design");
        await _whatsApp.DrainAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var invoice = Assert.Single(await InvoicesAsync());
        Assert.Equal(("INV-0001", "254712345678", 150000L, "Website design"), invoice);
        var outbox = await OutboxAsync();
        Assert.Equal(2, outbox.Count);
        var toCustomer = OutboxRepository.Deserialize(outbox.Single(o => o.Recipient == "254712345678").Payload);
        Assert.Contains("INV-0001", toCustomer.Text);
        Assert.StartsWith("pay:", Assert.Single(toCustomer.Buttons).Id);
        Assert.Contains("https://bot.example.com/pay/", toCustomer.SmsText);
        Assert.Contains("INV-0001", OutboxRepository.Deserialize(outbox.Single(o => o.Recipient == Merchant).Payload).Text);
    }

    [Fact]
    public async Task SameWebhook_DeliveredFiveTimes_HasOneEffect()
    {
        var body = WebhookBuilders.Bytes(WebhookBuilders.Envelope([WebhookBuilders.TextMessage(Merchant, "invoice 0712345678 1500 Website design", "wamid.same")]));

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++) responses.Add(await _whatsApp.PostAsync(body));
        await _whatsApp.DrainAsync();

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(await InvoicesAsync());
        Assert.Equal(2, (await OutboxAsync()).Count);
    }

    [Fact]
    public async Task TwoDifferentMessages_Concurrently_BothHandledWithDistinctNumbers()
    {
        await Task.WhenAll(
            _whatsApp.TextAsync(Merchant, "invoice 0712345678 1500 Website design"),
            _whatsApp.TextAsync(Merchant, "inv 0722000000 2,000 Logo"));
        await _whatsApp.DrainAsync();

        var invoices = await InvoicesAsync();
        Assert.Equal(["INV-0001", "INV-0002"], invoices.Select(i => i.Number).Order().ToArray());
        Assert.Equal(4, (await OutboxAsync()).Count);
    }

    public static TheoryData<string> BadSignatures => new()
    {
        "sha256=0000000000000000000000000000000000000000000000000000000000000000",
        "",
        "changed",
    };

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task Webhook_WithBadMissingOrStaleSignature_Is401AndStoresNothing(string kind)
    {
        var body = WebhookBuilders.Bytes(WebhookBuilders.Envelope([WebhookBuilders.TextMessage(Merchant, "invoice 0712345678 1500 Website design")]));
        var signature = kind == "changed" ? WhatsAppSignature.Sign(body, BotFactory.AppSecret) : kind;
        if (kind == "changed") body[^3] ^= 0x01; // one byte changed after signing

        var response = await _whatsApp.PostAsync(body, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await using var connection = await _factory.Db.OpenAsync(default);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox"));
    }

    [Fact]
    public async Task Webhook_WithEmojiAndAccents_VerifiesAndKeepsTheDescriptionExactly()
    {
        var response = await _whatsApp.TextAsync(Merchant, "invoice 0712345678 1500 Café crème 🎂 for Zoë");
        await _whatsApp.DrainAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Café crème 🎂 for Zoë", Assert.Single(await InvoicesAsync()).Description);
    }

    [Fact]
    public async Task Webhook_MalformedJsonWithValidSignature_IsAcknowledged()
    {
        var response = await _whatsApp.PostAsync("{\"object\": \"whatsapp_business_account\", \"entry\": [");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Verification_RightAndWrongToken_AnswersChallengeOr403()
    {
        using var client = _factory.CreateClient();

        var ok = await client.GetAsync($"/whatsapp/webhook?hub.mode=subscribe&hub.verify_token={BotFactory.VerifyToken}&hub.challenge=1158201444");
        var wrong = await client.GetAsync("/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1158201444");

        Assert.Equal("1158201444", await ok.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
    }

    [Fact]
    public async Task Image_FromMerchant_IsStoredAndAnsweredWithWhatToType()
    {
        var image = WebhookBuilders.TextMessage(Merchant, "x");
        image["type"] = "image";
        image.Remove("text");
        image["image"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "media-1", ["mime_type"] = "image/jpeg" };

        await _whatsApp.PostAsync(WebhookBuilders.Envelope([image]));
        await _whatsApp.DrainAsync();

        var reply = OutboxRepository.Deserialize(Assert.Single(await OutboxAsync()).Payload);
        Assert.StartsWith("I can't read photos, videos or files. Type your message, or write it as the caption", reply.Text);
        Assert.Empty(await InvoicesAsync());
    }

    private async Task<List<(string Number, string Msisdn, long AmountCents, string Description)>> InvoicesAsync()
    {
        await using var connection = await _factory.Db.OpenAsync(default);
        var rows = await connection.QueryAsync<(string, string, long, string)>("SELECT number, msisdn, amount_cents, description FROM invoices ORDER BY number");
        return rows.ToList();
    }

    private Task<IReadOnlyList<OutboxEntry>> OutboxAsync() => _factory.Services.GetRequiredService<OutboxRepository>().ListAsync(default);
}
