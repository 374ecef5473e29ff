using System.Text.Json.Nodes;
using Dapper;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Chat;

/// <summary>Issue 16 over the real host: greetings, captions, typos, sentences, two phones, language, edits at the summary.</summary>
public sealed class NaturalChatTests : IAsyncLifetime
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

    [Theory]
    [InlineData("hi", "Hello! I send your invoices", "New invoice", "en")]
    [InlineData("thanks", "You're welcome!", "New invoice", "en")]
    [InlineData("habari", "Habari! Ninatuma ankara zako", "Ankara mpya", "sw")]
    [InlineData("asante", "Karibu!", "Ankara mpya", "sw")]
    public async Task Greeting_FromMerchant_MenuInTheGreetingsLanguageAndRemembered(string greeting, string start, string button, string code)
    {
        var reply = await SayAsync(greeting);
        var help = await SayAsync("?");

        Assert.StartsWith(start, reply.Text);
        Assert.Contains(button, reply.Buttons.Select(b => b.Title));
        Assert.Contains(code == "sw" ? "mpya - tengeneza ankara" : "new - create one step by step", help.Text);
        Assert.Equal(code, await ScalarAsync<string>("SELECT language FROM merchants"));
    }

    [Fact]
    public async Task ThumbsUp_AsReactionOrTypedAlone_NoReply()
    {
        var reaction = WebhookBuilders.TextMessage(Merchant, "x");
        reaction["type"] = "reaction";
        reaction.Remove("text");
        reaction["reaction"] = new JsonObject { ["message_id"] = "wamid.ours", ["emoji"] = "👍" };

        await _whatsApp.PostAsync(WebhookBuilders.Envelope([reaction]));
        await _whatsApp.TextAsync(Merchant, "👍");
        await _whatsApp.DrainAsync();

        Assert.Empty(await MerchantRepliesAsync());
        Assert.Equal(2, await ScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE status = 'DONE'"));
    }

    [Fact]
    public async Task Caption_InvoiceCommandUnderAPhoto_MakesTheInvoice()
    {
        var photo = WebhookBuilders.TextMessage(Merchant, "x");
        photo["type"] = "image";
        photo.Remove("text");
        photo["image"] = new JsonObject { ["id"] = "media-1", ["mime_type"] = "image/jpeg", ["caption"] = "invoice 0712345678 1500 Logo" };

        await _whatsApp.PostAsync(WebhookBuilders.Envelope([photo]));
        await _whatsApp.DrainAsync();

        Assert.Equal([("254712345678", 150000L, "Logo")], await InvoicesAsync());
    }

    [Fact]
    public async Task Typo_Invioce_AsksDidYouMeanAndSendsOnlyOnSend()
    {
        var asked = await SayAsync("invioce 0712345678 1500 Logo");
        var before = await InvoicesAsync();
        await TapAsync("draft:send");

        Assert.StartsWith("Did you mean: invoice 0712345678 KES 1,500 'Logo'?", asked.Text);
        Assert.Equal(["draft:send", "draft:cancel"], asked.Buttons.Select(b => b.Id));
        Assert.Empty(before);
        Assert.Equal([("254712345678", 150000L, "Logo")], await InvoicesAsync());
    }

    [Fact]
    public async Task Sentence_English_ProposesTheSummaryAndCancelSendsNothing()
    {
        var proposed = await SayAsync("send invoice to 0712345678 for 1500 website design");
        var cancelled = await TapAsync("draft:cancel");

        Assert.StartsWith("Here is the invoice I read from your message.", proposed.Text);
        Assert.Contains("Amount: KES 1,500", proposed.Text);
        Assert.Contains("For: website design", proposed.Text);
        Assert.Equal(["draft:send", "draft:edit", "draft:cancel"], proposed.Buttons.Select(b => b.Id));
        Assert.StartsWith("Draft cancelled. Nothing was sent.", cancelled.Text);
        Assert.Empty(await InvoicesAsync());
    }

    [Fact]
    public async Task Sentence_Swahili_SummaryInSwahiliThenSent()
    {
        var proposed = await SayAsync("nataka kutuma invoice ya 1500 kwa 0712345678 ya viatu");
        await SayAsync("ndio");

        Assert.StartsWith("Hii ndiyo ankara niliyosoma", proposed.Text);
        Assert.Contains("Ya: viatu", proposed.Text);
        Assert.Equal([("254712345678", 150000L, "viatu")], await InvoicesAsync());
        Assert.Equal("sw", await ScalarAsync<string>("SELECT language FROM merchants"));
    }

    [Fact]
    public async Task NameBeforePhone_ExactCommand_SentAtOnceUnderThatName()
    {
        await SayAsync("Invoice Jane Wanjiru 0712345678 3500 hair braiding");

        Assert.Equal("Jane Wanjiru", await ScalarAsync<string>("SELECT customer_name FROM invoices"));
        Assert.Equal([("254712345678", 350000L, "hair braiding")], await InvoicesAsync());
    }

    [Fact]
    public async Task TwoPhones_AsksWhichAndTheTappedOneIsProposed()
    {
        var asked = await SayAsync("invoice 0712345678 0722000111 500 test item");
        var proposed = await TapAsync(asked.Buttons[1].Id);
        await TapAsync("draft:send");

        Assert.Contains("Which one is the customer?", asked.Text);
        Assert.Equal(["0712345678", "0722000111"], asked.Buttons.Select(b => b.Title));
        Assert.Contains("To: 0722000111", proposed.Text);
        Assert.Equal([("254722000111", 50000L, "test item")], await InvoicesAsync());
    }

    [Fact]
    public async Task Lang_WhileDraftWaitsAtSummary_SwitchesAndShowsTheSummaryAgain()
    {
        foreach (var text in new[] { "new", "0712345678", "skip", "1500", "Logo" })
            await SayAsync(text);

        await _whatsApp.TextAsync(Merchant, "lugha sw");
        await _whatsApp.DrainAsync();
        var replies = await MerchantRepliesAsync();

        Assert.StartsWith("Sawa, nitajibu kwa Kiswahili.", replies[^2].Text);
        Assert.StartsWith("Tuma ankara hii?", replies[^1].Text);
        Assert.Equal("sw", await ScalarAsync<string>("SELECT language FROM conversations"));
    }

    [Fact]
    public async Task Edit_AtSummary_AsksWhatToChangeAndTheNewAmountGoesBackToTheSummary()
    {
        foreach (var text in new[] { "new", "0712345678", "skip", "1500", "Logo" })
            await SayAsync(text);

        var asked = await TapAsync("draft:edit");
        await TapAsync("draft:edit:amount");
        var summary = await SayAsync("2k");
        await SayAsync("yes");

        Assert.StartsWith("What do you want to change?", asked.Text);
        Assert.Contains("Amount: KES 2,000", summary.Text);
        Assert.Equal([("254712345678", 200000L, "Logo")], await InvoicesAsync());
    }

    [Theory]
    [InlineData("status", "status INV-0042")]
    [InlineData("cancel", "cancel INV-0042")]
    [InlineData("hali", "hali INV-0042")]
    [InlineData("invoice 0712345678 2000000 Logo", "Send a smaller amount")]
    [InlineData("ankara 0712345678 0 Logo", "Tuma shilingi kamili, mfano 1500")]
    public async Task Refusal_SaysWhatToTypeInstead(string text, string expected)
    {
        var reply = await SayAsync(text);

        Assert.Contains(expected, reply.Text);
    }

    [Fact]
    public async Task Language_ChosenEnglish_SwahiliWordsDoNotSwitchIt()
    {
        await SayAsync("lang en");
        var reply = await SayAsync("mambo");
        var list = await SayAsync("orodha");

        Assert.StartsWith("Habari!", reply.Text); // a greeting is answered in its own language
        Assert.StartsWith("You have no unpaid invoices.", list.Text);
        Assert.Equal("en", await ScalarAsync<string>("SELECT language FROM merchants"));
    }

    private async Task<OutboundMessage> SayAsync(string text)
    {
        await _whatsApp.TextAsync(Merchant, text);
        await _whatsApp.DrainAsync();
        return (await MerchantRepliesAsync())[^1];
    }

    private async Task<OutboundMessage> TapAsync(string buttonId)
    {
        await _whatsApp.ButtonAsync(Merchant, buttonId);
        await _whatsApp.DrainAsync();
        return (await MerchantRepliesAsync())[^1];
    }

    private async Task<List<OutboundMessage>> MerchantRepliesAsync() =>
        (await _factory.Services.GetRequiredService<OutboxRepository>().ListAsync(default))
        .Where(o => o.Recipient == Merchant)
        .Select(o => OutboxRepository.Deserialize(o.Payload))
        .ToList();

    private async Task<List<(string Msisdn, long Cents, string Description)>> InvoicesAsync()
    {
        await using var connection = await _factory.Db.OpenAsync(default);
        return (await connection.QueryAsync<(string, long, string)>("SELECT msisdn, amount_cents, description FROM invoices ORDER BY number")).ToList();
    }

    private async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = await _factory.Db.OpenAsync(default);
        return await connection.ExecuteScalarAsync<T>(sql);
    }
}
