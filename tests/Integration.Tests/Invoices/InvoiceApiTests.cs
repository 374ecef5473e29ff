using System.Text.Json;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Invoices;

public sealed class InvoiceApiTests : IAsyncLifetime
{
    private BotFactory _factory = null!;
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _factory = await BotFactory.CreateAsync();
        _api = _factory.ApiClient();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static object Body(string msisdn = "0712345678", long amount = 150000, string description = "Website design") =>
        new { msisdn, customer_name = "Jane Wanjiku", amount_cents = amount, description };

    [Fact]
    public async Task Post_ValidInvoice_CreatesItAndQueuesCustomerAndMerchantMessages()
    {
        var response = await _api.PostAsJsonAsync("/invoices", Body());
        var invoice = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("INV-0001", invoice.GetProperty("number").GetString());
        Assert.Equal("PENDING", invoice.GetProperty("status").GetString());
        Assert.Equal("254712345678", invoice.GetProperty("msisdn").GetString());
        Assert.Equal(150000, invoice.GetProperty("amount_cents").GetInt64());
        Assert.Equal(0, invoice.GetProperty("amount_paid_cents").GetInt64());
        Assert.Equal("KES", invoice.GetProperty("currency").GetString());
        Assert.StartsWith("https://bot.example.com/pay/", invoice.GetProperty("pay_link").GetString());
        var outbox = await _factory.Services.GetRequiredService<OutboxRepository>().ListAsync(default);
        Assert.Equal([BotFactory.MerchantPhone, "254712345678"], outbox.Select(o => o.Recipient).Order().ToArray());

        var fetched = await _api.GetFromJsonAsync<JsonElement>($"/invoices/{invoice.GetProperty("id").GetString()}");
        Assert.Equal("INV-0001", fetched.GetProperty("number").GetString());
    }

    [Fact]
    public async Task Post_SameIdempotencyKeyTwice_ReturnsTheSameInvoice()
    {
        var first = await PostWithKeyAsync("key-1", Body());
        var second = await PostWithKeyAsync("key-1", Body());
        var list = await _api.GetFromJsonAsync<JsonElement>("/invoices");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await Id(first)), await Id(second));
        Assert.Equal(1, list.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Post_SameIdempotencyKeyConcurrently_CreatesOneInvoice()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostWithKeyAsync("key-race", Body())));
        var ids = await Task.WhenAll(responses.Select(Id));

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode));
        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task Post_SameIdempotencyKeyDifferentBody_Conflicts()
    {
        await PostWithKeyAsync("key-2", Body());
        var conflict = await PostWithKeyAsync("key-2", Body(amount: 200000));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
    }

    [Fact]
    public async Task Post_InvalidFields_Returns400NamingEachField()
    {
        var response = await _api.PostAsJsonAsync("/invoices", new { msisdn = "12345", amount_cents = 150050, description = "x" });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(errors.TryGetProperty("msisdn", out _));
        Assert.Contains("whole shillings", errors.GetProperty("amount_cents")[0].GetString());
        Assert.True(errors.TryGetProperty("description", out _));
        Assert.Empty(await _factory.Services.GetRequiredService<OutboxRepository>().ListAsync(default));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Requests_WithoutTheRightKey_Get401(string? key)
    {
        using var client = _factory.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/invoices", Body())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/invoices")).StatusCode);
    }

    [Fact]
    public async Task Get_UnknownId_Returns404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/invoices/nope")).StatusCode);
    }

    [Fact]
    public async Task List_FilteredByStatusAndMsisdn_NewestFirst()
    {
        await _api.PostAsJsonAsync("/invoices", Body("0712345678"));
        await _api.PostAsJsonAsync("/invoices", Body("0722000000"));
        await _api.PostAsJsonAsync("/invoices", Body("0712345678", 300000));

        var mine = await _api.GetFromJsonAsync<JsonElement>("/invoices?status=pending&msisdn=0712345678&limit=10");
        var numbers = mine.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!).ToArray();
        var bad = await _api.GetAsync("/invoices?status=LOST");

        Assert.Equal(["INV-0003", "INV-0001"], numbers);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private Task<HttpResponseMessage> PostWithKeyAsync(string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/invoices") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return _api.SendAsync(request);
    }

    private static async Task<string> Id(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
}
