using Dapper;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Limits;

public sealed class LimitTests
{
    [Fact]
    public async Task Api_MoreRequestsThanTheKeyMayMake_429WithRetryAfter()
    {
        await using var bot = await BotFactory.CreateAsync(new Dictionary<string, string?>
        {
            ["Api:PermitLimit"] = "3",
            ["Api:WindowSeconds"] = "60",
        });
        using var api = bot.ApiClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++) answers.Add(await api.GetAsync("/invoices/does-not-exist"));

        Assert.All(answers.Take(3), r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal((HttpStatusCode)429, answers[3].StatusCode);
        Assert.InRange(answers[3].Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Chat_FloodOfThirtyFromOneSender_BoundedRepliesAndAllStored()
    {
        await using var bot = await BotFactory.CreateAsync(new Dictionary<string, string?>
        {
            ["Chat:PerSenderPermitLimit"] = "5",
            ["Chat:PerSenderWindowSeconds"] = "3600",
        });
        var chat = new WhatsAppSender(bot);

        for (var i = 0; i < 30; i++) (await chat.TextAsync(BotFactory.MerchantPhone, "help")).EnsureSuccessStatusCode();
        await chat.DrainAsync();

        await using var c = await bot.Db.OpenAsync(default);
        var stored = await c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE status = 'DONE'");
        var replies = (await c.QueryAsync<string>("SELECT dedupe_key FROM outbox WHERE recipient = @phone",
            new { phone = BotFactory.MerchantPhone })).AsList();
        Assert.Equal(30, stored);
        // Five answers and one "slow down" (two if the flood straddles a window boundary).
        Assert.InRange(replies.Count, 6, 7);
        Assert.InRange(replies.Count(k => k.StartsWith("slow-down:", StringComparison.Ordinal)), 1, 2);
    }
}
