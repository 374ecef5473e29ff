using System.Text.Json;
using Dapper;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Invoices;

/// <summary><c>POST /invoices</c> with items: totals computed and checked, VAT per the merchant, idempotency unchanged.</summary>
public sealed class InvoiceItemsApiTests : IAsyncLifetime
{
    private BotFactory _factory = null!;
    private HttpClient _api = null!;

    public async Task InitializeAsync()
    {
        _factory = await BotFactory.CreateAsync();
        _api = _factory.ApiClient();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static object Items(long cementCents = 75000) => new
    {
        msisdn = "0712345678",
        customer_name = "Jane",
        items = new object[]
        {
            new { description = "Cement", quantity = 2, unit_amount_cents = cementCents },
            new { description = "Delivery", unit_amount_cents = 30000 },
        },
    };

    [Fact]
    public async Task Post_Items_TotalIsTheirSumAndTheCustomerSeesThem()
    {
        var response = await _api.PostAsJsonAsync("/invoices", Items());
        var invoice = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fetched = await _api.GetFromJsonAsync<JsonElement>($"/invoices/{invoice.GetProperty("id").GetString()}");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(180000, invoice.GetProperty("amount_cents").GetInt64());
        Assert.Equal("Cement x2, Delivery", invoice.GetProperty("description").GetString());
        Assert.Equal("none", invoice.GetProperty("vat").GetString());
        var items = fetched.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(150000, items[0].GetProperty("amount_cents").GetInt64());
        Assert.Equal(1, items[1].GetProperty("quantity").GetInt32());
        var outbox = await _factory.Services.GetRequiredService<OutboxRepository>().ListAsync(default);
        var sent = OutboxRepository.Deserialize(outbox.Single(o => o.Recipient == "254712345678").Payload);
        Assert.Contains("2 x Cement @ KES 750 = KES 1,500\nDelivery: KES 300\nAmount: KES 1,800", sent.Text);
    }

    [Fact]
    public async Task Post_AmountAndItems_IsRefusedNamingTheField()
    {
        var both = await _api.PostAsJsonAsync("/invoices", new
        {
            msisdn = "0712345678", amount_cents = 100000, description = "Both",
            items = new[] { new { description = "Cement", quantity = 1, unit_amount_cents = 75000 } },
        });
        var cents = await _api.PostAsJsonAsync("/invoices", Items(cementCents: 75050));
        var tooMuch = await _api.PostAsJsonAsync("/invoices", Items(cementCents: 60_000_000));

        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Contains("amount_cents", await both.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, cents.StatusCode);
        Assert.Contains("items[0].unit_amount_cents", await cents.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        await using var connection = await _factory.Db.OpenAsync(default);
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM invoices"));
    }

    [Fact]
    public async Task Post_SameKeyWithOtherItems_IsAConflict()
    {
        var first = await PostWithKeyAsync("items-1", Items());
        var again = await PostWithKeyAsync("items-1", Items());
        var other = await PostWithKeyAsync("items-1", Items(cementCents: 80000));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
    }

    [Fact]
    public async Task Post_MerchantChargesVatExclusive_AddsItOnTop()
    {
        await new Chat.MerchantChatDriver(_factory).SayAsync("vat exclusive");

        var invoice = await (await _api.PostAsJsonAsync("/invoices", Items())).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("exclusive", invoice.GetProperty("vat").GetString());
        Assert.Equal(180000, invoice.GetProperty("net_cents").GetInt64());
        Assert.Equal(28800, invoice.GetProperty("vat_cents").GetInt64());
        Assert.Equal(208800, invoice.GetProperty("amount_cents").GetInt64());
    }

    [Fact]
    public async Task PayPage_ItemsAndVat_AreShownToTheCustomer()
    {
        await new Chat.MerchantChatDriver(_factory).SayAsync("vat inclusive");
        var invoice = await (await _api.PostAsJsonAsync("/invoices", Items())).Content.ReadFromJsonAsync<JsonElement>();
        var path = new Uri(invoice.GetProperty("pay_link").GetString()!).AbsolutePath;

        var html = await _factory.CreateClient().GetStringAsync(path);

        Assert.Contains("<dt>2 x Cement @ KES 750</dt><dd>KES 1,500</dd>", html);
        Assert.Contains("<dt>Delivery</dt><dd>KES 300</dd>", html);
        Assert.Contains("<dt>Net</dt><dd>KES 1,552</dd>", html);
        Assert.Contains("<dt>VAT 16% (included)</dt><dd>KES 248</dd>", html);
        Assert.Contains("KES 1,800", html);
    }

    private Task<HttpResponseMessage> PostWithKeyAsync(string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/invoices") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return _api.SendAsync(request);
    }
}
