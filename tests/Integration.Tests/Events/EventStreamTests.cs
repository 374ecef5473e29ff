using System.Text;
using System.Text.Json;
using Dapper;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Events;

public sealed class EventStreamTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Fast = new() { ["Events:PollMilliseconds"] = "100" };

    private BotFactory _subscriberHost = null!;
    private BotFactory _otherHost = null!;
    private FakeDaraja _daraja = null!;

    public async Task InitializeAsync()
    {
        _daraja = await FakeDaraja.StartAsync();
        var settings = new Dictionary<string, string?>(Fast)
        {
            ["Mpesa:BaseUrl"] = _daraja.BaseUrl,
            ["Mpesa:ConsumerKey"] = _daraja.ConsumerKey,
            ["Mpesa:ConsumerSecret"] = _daraja.ConsumerSecret,
        };
        _subscriberHost = await BotFactory.CreateAsync(settings);
        // A second instance over the same database: where the payment lands.
        _otherHost = await BotFactory.CreateAsync(settings, _subscriberHost.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _otherHost.DisposeAsync();
        await _subscriberHost.DisposeAsync();
        await _daraja.DisposeAsync();
    }

    private async Task<string> CreateAndPayOnOtherHostAsync(string transId)
    {
        using var api = _otherHost.ApiClient();
        var created = await api.PostAsJsonAsync("/invoices", new { msisdn = "254712345678", amount_cents = 150000, description = "Website design" });
        created.EnsureSuccessStatusCode();
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var number = body.GetProperty("number").GetString()!;
        var confirmation = $$"""
            {"TransactionType":"Pay Bill","TransID":"{{transId}}","TransTime":"20231121121325","TransAmount":"1500.00",
             "BusinessShortCode":"174379","BillRefNumber":"{{number}}","InvoiceNumber":"","OrgAccountBalance":"25.00",
             "ThirdPartyTransID":"","MSISDN":"2547 ***** 126","FirstName":"NICHOLAS","MiddleName":"","LastName":""}
            """;
        using var client = _otherHost.CreateClient();
        var queriesBefore = _daraja.StatusQueries.Count;
        _daraja.KnowPayment(transId, 1500);
        (await client.PostAsync(BotFactory.C2bConfirmationPath, new StringContent(confirmation, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        // Either instance may verify it; M-PESA answers at the ResultURL the query named.
        await _daraja.WaitForStatusQueriesAsync(queriesBefore + 1, TimeSpan.FromSeconds(15));
        var query = _daraja.StatusQueries[queriesBefore];
        (await client.PostAsync(query.ResultPath, new StringContent(_daraja.StatusResultFor(transId), Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        return body.GetProperty("id").GetString()!;
    }

    private async Task<List<long>> EventIdsAfterAsync(long after)
    {
        await using var c = await _subscriberHost.Db.OpenAsync(default);
        return (await c.QueryAsync<long>("SELECT id FROM events WHERE id > @after ORDER BY id", new { after })).AsList();
    }

    [Fact]
    public async Task Events_InvoicePaidOnAnotherInstance_ReachesSubscriberAndResumesWithoutGapOrDuplicate()
    {
        using var api = _subscriberHost.ApiClient();
        List<(long Id, string Type, string Data)> first;
        await using (var stream = await SseReader.OpenAsync(api))
        {
            var invoiceId = await CreateAndPayOnOtherHostAsync("RKL51ZDR4A");
            first = await stream.ReadUntilAsync(f => f.Any(e => e.Type == "invoice.paid"));

            Assert.Equal(["invoice.created", "invoice.paid"], first.Select(e => e.Type));
            var paid = JsonDocument.Parse(first[^1].Data).RootElement;
            Assert.Equal(invoiceId, paid.GetProperty("invoice_id").GetString());
            Assert.True(paid.TryGetProperty("occurred_at", out _));
            Assert.DoesNotContain("254712345678", first[^1].Data);
        }

        // While nobody listens, a second invoice is created and paid on the other instance.
        var lastSeen = first[^1].Id;
        var secondId = await CreateAndPayOnOtherHostAsync("RKL51ZDR4B");
        var missed = await Eventually.UntilAsync(() => EventIdsAfterAsync(lastSeen), ids => ids.Count >= 2, what: "the second invoice's events");

        await using var resumed = await SseReader.OpenAsync(api, lastSeen);
        var again = await resumed.ReadUntilAsync(f => f.Count >= missed.Count);

        Assert.Equal(missed, again.Select(e => e.Id));
        Assert.Equal(["invoice.created", "invoice.paid"], again.Select(e => e.Type));
        Assert.All(again, e => Assert.Contains(secondId, e.Data));
    }

    [Fact]
    public async Task Events_WithoutApiKey_Unauthorized()
    {
        using var client = _subscriberHost.CreateClient();

        var response = await client.GetAsync("/events");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
