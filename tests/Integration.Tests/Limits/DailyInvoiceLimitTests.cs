using System.Text.Json;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Time;
using InvoiceFirst.Integration.Tests.Chat;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Limits;

/// <summary>
/// Merchants:DailyInvoiceLimit and the operator's per-merchant override: past it the API answers 429 saying the limit and
/// when it resets, the chat says so in the merchant's language and keeps a guided draft; other merchants are untouched.
/// </summary>
public sealed class DailyInvoiceLimitTests : IAsyncLifetime
{
    private BotFactory _factory = null!;
    private HttpClient _operator = null!;
    private long _seededId;

    public async Task InitializeAsync()
    {
        _factory = await BotFactory.CreateAsync(new Dictionary<string, string?> { ["Merchants:DailyInvoiceLimit"] = "1" });
        _operator = _factory.ApiClient();
        _seededId = (await _operator.GetFromJsonAsync<JsonElement>("/merchants")).GetProperty("merchants")[0].GetProperty("id").GetInt64();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Api_PastTheMerchantsOwnLimit_429SayingTheLimitAndReset_OtherMerchantStillCreates()
    {
        var other = await CreateMerchantAsync("0722000111");
        var key = _factory.ClientWithKey(await _factory.NewMerchantKeyAsync(other));
        Assert.Equal(HttpStatusCode.OK, (await _operator.PutAsJsonAsync($"/merchants/{other}/limits", new { daily_invoice_limit = 2 })).StatusCode);

        var first = await CreateAsync(key);
        var second = await CreateAsync(key);
        var third = await CreateAsync(key);
        var seeded = await CreateAsync(_operator);
        var seededAgain = await CreateAsync(_operator);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created], new[] { first.StatusCode, second.StatusCode });
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        var problem = await third.Content.ReadFromJsonAsync<JsonElement>();
        var resetsAt = NairobiTime.StartOfDay(DateTimeOffset.UtcNow).AddDays(1);
        Assert.Equal(2, problem.GetProperty("limit").GetInt32());
        Assert.Equal(resetsAt, problem.GetProperty("resets_at").GetDateTimeOffset());
        Assert.Contains("2 invoices per day", problem.GetProperty("detail").GetString());
        Assert.InRange(third.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        Assert.Equal(2, (await key.GetFromJsonAsync<JsonElement>("/invoices")).GetProperty("items").GetArrayLength());
        // The seeded merchant has no override: the deployment's default of 1 applies to it.
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.TooManyRequests), (seeded.StatusCode, seededAgain.StatusCode));
    }

    [Fact]
    public async Task Limits_GetShowsEffectiveAndOverride_NullReturnsToTheDefault_FieldLeftOutStays()
    {
        var id = await CreateMerchantAsync("0722000111");

        var set = await _operator.PutAsJsonAsync($"/merchants/{id}/limits", new { daily_invoice_limit = 50, daily_sms_cap = 0 });
        var afterSet = (await _operator.GetFromJsonAsync<JsonElement>($"/merchants/{id}")).GetProperty("limits");
        await _operator.PutAsJsonAsync($"/merchants/{id}/limits", new { daily_invoice_limit = (int?)null });
        var afterClear = (await _operator.GetFromJsonAsync<JsonElement>($"/merchants/{id}")).GetProperty("limits");
        var missing = await _operator.PutAsJsonAsync("/merchants/999999/limits", new { daily_invoice_limit = 5 });

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal((50, 50, 0, 0), Limits(afterSet));
        Assert.Equal((1, (int?)null, 0, 0), Limits(afterClear));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("""{"daily_invoice_limit": -1}""", "daily_invoice_limit", "from 1 to 100000 per day")]
    [InlineData("""{"daily_invoice_limit": 0}""", "daily_invoice_limit", "suspend it")]
    [InlineData("""{"daily_invoice_limit": 1000000000000}""", "daily_invoice_limit", "from 1 to 100000 per day")]
    [InlineData("""{"daily_invoice_limit": "50"}""", "daily_invoice_limit", "whole number")]
    [InlineData("""{"daily_invoice_limit": 2.5}""", "daily_invoice_limit", "whole number")]
    [InlineData("""{"daily_sms_cap": -5}""", "daily_sms_cap", "from 0 to 100000 per day")]
    [InlineData("""{"daily_sms_cap": true}""", "daily_sms_cap", "whole number")]
    [InlineData("""{"daily_invoices": 5}""", "daily_invoices", "Unknown field")]
    [InlineData("""{}""", "body", "Name daily_invoice_limit, daily_sms_cap or both")]
    [InlineData("""[50]""", "body", "JSON object")]
    [InlineData("""{"daily_invoice_limit": 5""", "body", "JSON object")]
    public async Task Limits_WrongInput_400NamingTheFieldAndWhy_NothingChanged(string body, string field, string says)
    {
        var id = await CreateMerchantAsync("0722000111");

        var response = await _operator.PutAsync($"/merchants/{id}/limits", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(says, errors.GetProperty(field)[0].GetString());
        Assert.Equal((1, (int?)null, 500, (int?)null), Limits((await _operator.GetFromJsonAsync<JsonElement>($"/merchants/{id}")).GetProperty("limits")));
    }

    [Fact]
    public async Task Chat_GuidedDraftPastTheLimit_SaysSoAndKeepsTheDraft_SentOnceTheOperatorRaisesIt()
    {
        var merchant = new MerchantChatDriver(_factory);
        await merchant.SayAsync("invoice 0712345678 1500 Website design");
        await merchant.SayAsync("new");
        await merchant.SayAsync("0722000111");
        await merchant.SayAsync("skip");
        await merchant.SayAsync("500");
        await merchant.SayAsync("Repairs");
        var before = (await merchant.OutboxAsync()).Count;

        await merchant.SayAsync("yes");
        var turn = (await merchant.OutboxAsync()).Skip(before).Where(o => o.Recipient == BotFactory.MerchantPhone)
            .Select(o => OutboxRepository.Deserialize(o.Payload)).ToList();
        var invoicesAtLimit = await merchant.InvoicesAsync();
        await _operator.PutAsJsonAsync($"/merchants/{_seededId}/limits", new { daily_invoice_limit = 2 });
        await merchant.SayAsync("yes");

        Assert.Contains("You have reached today's limit of 1 invoices", turn[0].Text);
        Assert.Contains("try again tomorrow", turn[0].Text);
        Assert.Contains("Send this invoice?", turn[1].Text);
        Assert.Contains("Repairs", turn[1].Text);
        Assert.Single(invoicesAtLimit);
        Assert.Equal([("INV-0001", "254712345678"), ("INV-0002", "254722000111")], (await merchant.InvoicesAsync()).Select(i => (i.Number, i.Msisdn)));
    }

    [Fact]
    public async Task Chat_OneLineInvoicePastTheLimit_AnsweredInSwahili_NothingMade()
    {
        var merchant = new MerchantChatDriver(_factory);
        await merchant.SayAsync("lugha sw");
        await merchant.SayAsync("invoice 0712345678 1500 Website design");

        var refused = await merchant.SayAsync("invoice 0733000222 900 Logo");

        Assert.Contains("Umefikia kikomo cha leo cha ankara 1", refused);
        Assert.Contains("jaribu tena kesho", refused);
        Assert.Single(await merchant.InvoicesAsync());
    }

    private static (int?, int?, int?, int?) Limits(JsonElement l) =>
        (Int(l, "daily_invoice_limit"), Int(l, "daily_invoice_limit_override"), Int(l, "daily_sms_cap"), Int(l, "daily_sms_cap_override"));

    private static int? Int(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetInt32();

    private async Task<long> CreateMerchantAsync(string phone)
    {
        var made = await _operator.PostAsJsonAsync("/merchants", new { phone, name = "Duka La Pili" });
        return (await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client) =>
        client.PostAsJsonAsync("/invoices", new { msisdn = "0712345678", amount_cents = 150000, description = "Website design" });
}
