using System.Text.Json;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Merchants;

/// <summary>
/// Two merchants on one deployment, each with its own API key: each sees and changes only its own invoices, and
/// the other's ids answer exactly like missing ones. The operator's key acts for the merchant it names.
/// </summary>
public sealed class MerchantKeyIsolationTests : IAsyncLifetime
{
    private BotFactory _factory = null!;
    private HttpClient _operator = null!;
    private HttpClient _seeded = null!;
    private HttpClient _other = null!;
    private long _seededId;
    private long _otherId;

    public async Task InitializeAsync()
    {
        _factory = await BotFactory.CreateAsync();
        _operator = _factory.ApiClient();
        _seededId = (await _operator.GetFromJsonAsync<JsonElement>("/merchants")).GetProperty("merchants")[0].GetProperty("id").GetInt64();
        var other = await _operator.PostAsJsonAsync("/merchants", new { phone = "0722000111", name = "Duka La Pili" });
        _otherId = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        _seeded = _factory.ClientWithKey(await _factory.NewMerchantKeyAsync(_seededId));
        _other = _factory.ClientWithKey(await _factory.NewMerchantKeyAsync(_otherId));
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Invoices_EachKeySeesOnlyItsOwn_TheOthersIdIsA404LikeAMissingOne()
    {
        var mine = await CreateAsync(_seeded, "0712345678");
        var theirs = await CreateAsync(_other, "0733000222");

        var seededList = await _seeded.GetFromJsonAsync<JsonElement>("/invoices");
        var otherList = await _other.GetFromJsonAsync<JsonElement>("/invoices");
        var crossed = await _seeded.GetAsync($"/invoices/{theirs}");
        var missing = await _seeded.GetAsync("/invoices/inv_does_not_exist");

        Assert.Equal([mine], Ids(seededList));
        Assert.Equal([theirs], Ids(otherList));
        Assert.Equal(HttpStatusCode.NotFound, crossed.StatusCode);
        Assert.Equal(Title(await missing.Content.ReadFromJsonAsync<JsonElement>()), Title(await crossed.Content.ReadFromJsonAsync<JsonElement>()));
        // Each merchant numbers its own invoices.
        Assert.Equal("INV-0001", (await _other.GetFromJsonAsync<JsonElement>($"/invoices/{theirs}")).GetProperty("number").GetString());
    }

    [Fact]
    public async Task MerchantKey_NamingAnotherMerchant_404AndNothingCreated()
    {
        var response = await _other.PostAsJsonAsync($"/invoices?merchant_id={_seededId}", Body("0712345678"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(Ids(await _seeded.GetFromJsonAsync<JsonElement>("/invoices")));
        Assert.Empty(Ids(await _other.GetFromJsonAsync<JsonElement>("/invoices")));
    }

    [Fact]
    public async Task OperatorKey_ActsForTheMerchantItNames_ElseTheConfiguredOne()
    {
        var theirs = await CreateAsync(_operator, "0733000222", $"?merchant_id={_otherId}");
        var unnamed = await CreateAsync(_operator, "0712345678");

        Assert.Equal([theirs], Ids(await _other.GetFromJsonAsync<JsonElement>("/invoices")));
        Assert.Equal([unnamed], Ids(await _seeded.GetFromJsonAsync<JsonElement>("/invoices")));
        Assert.Equal(HttpStatusCode.NotFound, (await _operator.GetAsync($"/invoices/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _operator.GetAsync($"/invoices/{theirs}?merchant_id={_otherId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _operator.GetAsync("/invoices?merchant_id=999999")).StatusCode);
    }

    [Fact]
    public async Task StkInitiate_OnTheOtherMerchantsInvoice_404AndNoPayment()
    {
        var theirs = await CreateAsync(_other, "0733000222");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/payments/stk/initiate")
        {
            Content = JsonContent.Create(new { invoice_id = theirs }),
        };
        request.Headers.Add("Idempotency-Key", "k1");

        var response = await _seeded.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var c = await _factory.Db.OpenAsync(default);
        Assert.Equal(0L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(c, "SELECT count(*) FROM payments"));
    }

    [Fact]
    public async Task Stats_MerchantKey_CountsOnlyItsOwnInvoices()
    {
        await CreateAsync(_other, "0733000222");
        await CreateAsync(_other, "0733000223");
        await CreateAsync(_seeded, "0712345678");

        var other = await _other.GetFromJsonAsync<JsonElement>("/stats/summary");
        var seeded = await _seeded.GetFromJsonAsync<JsonElement>("/stats/summary");

        Assert.Equal(2, other.GetProperty("invoices").GetProperty("created").GetInt32());
        Assert.Equal(1, seeded.GetProperty("invoices").GetProperty("created").GetInt32());
    }

    [Fact]
    public async Task SuspendedMerchant_ItsKey403_UntilResumed()
    {
        await _operator.PostAsync($"/merchants/{_otherId}/suspend", null);
        var whileSuspended = await _other.GetAsync("/invoices");
        var created = await _other.PostAsJsonAsync("/invoices", Body("0733000222"));
        await _operator.PostAsync($"/merchants/{_otherId}/resume", null);
        var resumed = await _other.GetAsync("/invoices");

        Assert.Equal(HttpStatusCode.Forbidden, whileSuspended.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Empty(Ids(await resumed.Content.ReadFromJsonAsync<JsonElement>()));
    }

    private static (int, string?) Title(JsonElement problem) => (problem.GetProperty("status").GetInt32(), problem.GetProperty("title").GetString());

    private static object Body(string msisdn) => new { msisdn, amount_cents = 150000, description = "Website design" };

    private static async Task<string> CreateAsync(HttpClient client, string msisdn, string query = "")
    {
        var response = await client.PostAsJsonAsync("/invoices" + query, Body(msisdn));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static List<string> Ids(JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
}
