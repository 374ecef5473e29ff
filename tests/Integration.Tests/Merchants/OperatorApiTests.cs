using System.Text.Json;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Merchants;

/// <summary>The operator adds, finds and controls merchants over the API with its own key; a merchant key cannot.</summary>
public sealed class OperatorApiTests : IAsyncLifetime
{
    private BotFactory _factory = null!;
    private HttpClient _operator = null!;

    public async Task InitializeAsync()
    {
        _factory = await BotFactory.CreateAsync();
        _operator = _factory.ApiClient();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Create_ValidMerchant_ActiveWithAReadableUniqueCodeAndListed()
    {
        var created = await _operator.PostAsJsonAsync("/merchants", new { phone = "0722 000 111", name = "Mama Mboga", language = "sw" });
        var merchant = await created.Content.ReadFromJsonAsync<JsonElement>();
        var list = await _operator.GetFromJsonAsync<JsonElement>("/merchants?q=mboga");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("254722000111", "Mama Mboga", "sw", "active"), (merchant.GetProperty("phone").GetString(),
            merchant.GetProperty("name").GetString(), merchant.GetProperty("language").GetString(), merchant.GetProperty("status").GetString()));
        Assert.Matches("^[2-9A-HJ-NP-Z]{3}$", merchant.GetProperty("code").GetString());
        var found = Assert.Single(list.GetProperty("merchants").EnumerateArray());
        Assert.Equal(merchant.GetProperty("id").GetInt64(), found.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Create_TheSeededMerchantsPhone_409AndNothingChanged()
    {
        var response = await _operator.PostAsJsonAsync("/merchants", new { phone = BotFactory.MerchantPhone, name = "Someone Else" });
        var all = await _operator.GetFromJsonAsync<JsonElement>("/merchants");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Acme Designs", Assert.Single(all.GetProperty("merchants").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Create_APhoneThatIsAnotherBusinesssStaff_409AndNoMerchantMade()
    {
        await new Chat.MerchantChatDriver(_factory).SayAsync("staff add 0711222333 Jane");

        var response = await _operator.PostAsJsonAsync("/merchants", new { phone = "0711222333", name = "Jane's Own Shop" });
        var all = await _operator.GetFromJsonAsync<JsonElement>("/merchants");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("owner or one of its staff", await response.Content.ReadAsStringAsync());
        Assert.Single(all.GetProperty("merchants").EnumerateArray());
    }

    [Theory]
    [InlineData("""{"phone":"12345","name":"Shop"}""", "phone")]
    [InlineData("""{"phone":"0722000111","name":"S"}""", "name")]
    [InlineData("""{"phone":"0722000111","name":"Shop","language":"fr"}""", "language")]
    public async Task Create_BadField_400NamingIt(string body, string field)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await _operator.PostAsync("/merchants", content);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Suspend_ThenResume_StatusMovesAndAWrongMoveIs409()
    {
        var id = await CreateAsync("0722000111");

        var suspended = await _operator.PostAsync($"/merchants/{id}/suspend", null);
        var again = await _operator.PostAsync($"/merchants/{id}/suspend", null);
        var approve = await _operator.PostAsync($"/merchants/{id}/approve", null);
        var resumed = await _operator.PostAsync($"/merchants/{id}/resume", null);

        Assert.Equal("suspended", (await suspended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("suspended", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Equal("active", (await resumed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _operator.PostAsync("/merchants/999999/resume", null)).StatusCode);
    }

    [Fact]
    public async Task List_ByStatus_OnlyThoseAndABadStatusIs400()
    {
        var id = await CreateAsync("0722000111");
        await _operator.PostAsync($"/merchants/{id}/suspend", null);

        var suspended = await _operator.GetFromJsonAsync<JsonElement>("/merchants?status=suspended");
        var bad = await _operator.GetAsync("/merchants?status=gone");

        Assert.Equal(id, Assert.Single(suspended.GetProperty("merchants").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task ApiKey_ShownOnceListedByPrefixAndRevoked()
    {
        var id = await CreateAsync("0722000111");

        var made = await (await _operator.PostAsync($"/merchants/{id}/api-keys", null)).Content.ReadFromJsonAsync<JsonElement>();
        var listed = await _operator.GetFromJsonAsync<JsonElement>($"/merchants/{id}/api-keys");
        var revoked = await _operator.DeleteAsync($"/merchants/{id}/api-keys/{made.GetProperty("id").GetInt64()}");
        var revokedAgain = await _operator.DeleteAsync($"/merchants/{id}/api-keys/{made.GetProperty("id").GetInt64()}");

        var key = made.GetProperty("key").GetString()!;
        Assert.StartsWith("ifk_" + made.GetProperty("prefix").GetString() + "_", key);
        var row = Assert.Single(listed.EnumerateArray());
        Assert.Equal(JsonValueKind.Null, row.GetProperty("key").ValueKind);
        Assert.DoesNotContain(key, listed.GetRawText());
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revokedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _factory.ClientWithKey(key).GetAsync("/invoices")).StatusCode);
    }

    [Fact]
    public async Task PayRoute_TillAndPaybillSaved_BadOnes400NamingTheField_CollectionOffIs409_AnotherIdIs404()
    {
        var id = (await _operator.GetFromJsonAsync<JsonElement>("/merchants")).GetProperty("merchants")[0].GetProperty("id").GetInt64();

        var till = await _operator.PutAsJsonAsync($"/merchants/{id}/pay-route", new { route = "till", number = "832909" });
        var paybill = await _operator.PutAsJsonAsync($"/merchants/{id}/pay-route", new { route = "paybill", number = "522522", account = "0011" });
        var tillWithAccount = await _operator.PutAsJsonAsync($"/merchants/{id}/pay-route", new { route = "till", number = "832909", account = "1" });
        var shortNumber = await _operator.PutAsJsonAsync($"/merchants/{id}/pay-route", new { route = "paybill", number = "12" });
        var unknownRoute = await _operator.PutAsJsonAsync($"/merchants/{id}/pay-route", new { route = "cash" });
        var collection = await _operator.PutAsJsonAsync($"/merchants/{id}/pay-route", new { route = "collection" }); // Live: off unless set
        var missing = await _operator.PutAsJsonAsync($"/merchants/{id + 1000}/pay-route", new { route = "till", number = "832909" });
        var merchant = await _operator.GetFromJsonAsync<JsonElement>($"/merchants/{id}");

        Assert.Equal("till", (await till.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pay_route").GetString());
        Assert.Equal(HttpStatusCode.OK, paybill.StatusCode);
        Assert.Contains("\"account\"", await tillWithAccount.Content.ReadAsStringAsync());
        Assert.Contains("\"number\"", await shortNumber.Content.ReadAsStringAsync());
        Assert.Contains("\"route\"", await unknownRoute.Content.ReadAsStringAsync());
        Assert.All(new[] { tillWithAccount, shortNumber, unknownRoute }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(HttpStatusCode.Conflict, collection.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(("paybill", "522522", "0011"), (merchant.GetProperty("pay_route").GetString(), merchant.GetProperty("pay_number").GetString(),
            merchant.GetProperty("pay_account").GetString())); // the refused ones changed nothing
    }

    [Fact]
    public async Task MerchantKey_OnOperatorEndpoints_403()
    {
        var id = await CreateAsync("0722000111");
        var key = await _factory.NewMerchantKeyAsync(id);

        foreach (var path in new[] { "/merchants", $"/merchants/{id}", "/providers/health" })
        {
            var response = await _factory.ClientWithKey(key).GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("This endpoint takes the operator's key", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }
        var limits = await _factory.ClientWithKey(key).PutAsJsonAsync($"/merchants/{id}/limits", new { daily_invoice_limit = 100000 });
        Assert.Equal(HttpStatusCode.Forbidden, limits.StatusCode);
    }

    private async Task<long> CreateAsync(string phone)
    {
        var response = await _operator.PostAsJsonAsync("/merchants", new { phone, name = "Shop " + phone[^3..] });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }
}
