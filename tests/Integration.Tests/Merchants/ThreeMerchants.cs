using System.Text.Json;
using Dapper;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Merchants;

/// <summary>
/// Three merchants on one host, each with a key of its own (the first is the seeded Merchant:Phone one), and the operator.
/// </summary>
public sealed class ThreeMerchants
{
    private ThreeMerchants(BotFactory factory, HttpClient @operator, IReadOnlyList<(long Id, HttpClient Key)> merchants)
    {
        Factory = factory;
        Operator = @operator;
        Merchants = merchants;
    }

    public BotFactory Factory { get; }
    public HttpClient Operator { get; }
    public IReadOnlyList<(long Id, HttpClient Key)> Merchants { get; }

    public static async Task<ThreeMerchants> StartAsync(BotFactory factory)
    {
        var @operator = factory.ApiClient();
        var ids = new List<long> { (await @operator.GetFromJsonAsync<JsonElement>("/merchants")).GetProperty("merchants")[0].GetProperty("id").GetInt64() };
        foreach (var (phone, name) in new[] { ("0722000111", "Duka La Pili"), ("0722000222", "Tatu Hardware") })
        {
            var made = await @operator.PostAsJsonAsync("/merchants", new { phone, name });
            ids.Add((await made.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        }
        var merchants = new List<(long, HttpClient)>();
        foreach (var id in ids) merchants.Add((id, factory.ClientWithKey(await factory.NewMerchantKeyAsync(id))));
        return new ThreeMerchants(factory, @operator, merchants);
    }

    /// <summary>An invoice made with the merchant's own key; its id.</summary>
    public static async Task<string> CreateInvoiceAsync(HttpClient key, string msisdn = "0712345678", string query = "")
    {
        var response = await key.PostAsJsonAsync("/invoices" + query, new { msisdn, amount_cents = 150000, description = "Website design" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>What a request changed that a merchant would notice: invoices (with status and money), payments, events, outbox.</summary>
    public async Task<string> SnapshotAsync()
    {
        await using var c = await Factory.Db.OpenAsync(default);
        var invoices = await c.QueryAsync<string>("SELECT id || ':' || status || ':' || amount_paid_cents FROM invoices ORDER BY id");
        var counts = await c.QuerySingleAsync<(long, long, long)>(
            "SELECT (SELECT count(*) FROM payments), (SELECT count(*) FROM events), (SELECT count(*) FROM outbox)");
        return string.Join(",", invoices) + $"|{counts}";
    }

    public static async Task<(int Status, string? Title)> ProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return ((int)response.StatusCode, body.GetProperty("title").GetString());
    }
}
