using System.Net.Http.Headers;
using System.Text.Json;
using Dapper;
using InvoiceFirst.Data.Events;
using InvoiceFirst.Integration.Tests.Events;
using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Merchants;

/// <summary>
/// Every endpoint a merchant key may call, with three merchants: each key reads and acts only on its own merchant, another
/// merchant's ids answer exactly like missing ones and change nothing, and the operator's key reads everything or the
/// merchant it names. A suspended merchant's key opens no door.
/// </summary>
public sealed class MerchantScopeTests : IAsyncLifetime
{
    private const long Missing = 999_999;
    private BotFactory _factory = null!;
    private ThreeMerchants _m = null!;

    public async Task InitializeAsync()
    {
        _factory = await BotFactory.CreateAsync(new Dictionary<string, string?> { ["Events:PollMilliseconds"] = "50" });
        _m = await ThreeMerchants.StartAsync(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task EveryMerchantEndpoint_WithAnotherMerchantsIds_AnswersLikeAMissingIdAndChangesNothing()
    {
        var invoices = new List<string>();
        foreach (var (_, key) in _m.Merchants) invoices.Add(await ThreeMerchants.CreateInvoiceAsync(key));
        var before = await _m.SnapshotAsync();

        for (var me = 0; me < 3; me++)
        {
            var key = _m.Merchants[me].Key;
            var missingInvoice = await ThreeMerchants.ProblemAsync(await key.GetAsync("/invoices/inv_does_not_exist"));
            var missingMerchant = await ThreeMerchants.ProblemAsync(await key.GetAsync($"/invoices?merchant_id={Missing}"));
            var missingStk = await ThreeMerchants.ProblemAsync(await InitiateAsync(key, "inv_does_not_exist"));
            Assert.Equal(404, missingInvoice.Status);
            Assert.Equal((404, "No such merchant"), missingMerchant);
            for (var other = 0; other < 3; other++)
            {
                if (other == me) continue;
                var (otherId, _) = _m.Merchants[other];
                Assert.Equal(missingInvoice, await ThreeMerchants.ProblemAsync(await key.GetAsync($"/invoices/{invoices[other]}")));
                Assert.Equal(missingMerchant, await ThreeMerchants.ProblemAsync(await key.GetAsync($"/invoices/{invoices[other]}?merchant_id={otherId}")));
                Assert.Equal(missingStk, await ThreeMerchants.ProblemAsync(await InitiateAsync(key, invoices[other])));
                foreach (var path in new[] { "/invoices", "/stats/summary", "/events", "/reconciliation" })
                    Assert.Equal(missingMerchant, await ThreeMerchants.ProblemAsync(await GetJsonAsync(key, $"{path}?merchant_id={otherId}")));
                var created = await key.PostAsJsonAsync($"/invoices?merchant_id={otherId}",
                    new { msisdn = "0712345678", amount_cents = 100, description = "Forged" });
                Assert.Equal(missingMerchant, await ThreeMerchants.ProblemAsync(created));
            }
        }

        Assert.Equal(before, await _m.SnapshotAsync());
    }

    [Fact]
    public async Task Events_EachKeyReadsOnlyItsOwnMerchantsEvents_TheOperatorAllOrTheOneItNames()
    {
        var invoices = new List<string>();
        foreach (var (_, key) in _m.Merchants) invoices.Add(await ThreeMerchants.CreateInvoiceAsync(key));
        await _factory.Services.GetRequiredService<EventRepository>()
            .AddAsync(EventTypes.ProviderStatusChanged, DateTimeOffset.UtcNow, "whatsapp", "down", default);

        for (var i = 0; i < 3; i++)
        {
            var own = await EventsAsync(_m.Merchants[i].Key, "");
            Assert.Equal([(EventTypes.InvoiceCreated, invoices[i])], own.Select(e => (e.Type, e.InvoiceId)));
            Assert.Equal([(EventTypes.InvoiceCreated, invoices[i])],
                (await EventsAsync(_m.Merchants[i].Key, $"?merchant_id={_m.Merchants[i].Id}")).Select(e => (e.Type, e.InvoiceId)));
        }
        var all = await EventsAsync(_m.Operator, "");
        var named = await EventsAsync(_m.Operator, $"?merchant_id={_m.Merchants[1].Id}");
        var paged = await EventsAsync(_m.Operator, $"?after={all[1].Id}&limit=1");

        Assert.Equal([.. invoices, null], all.Select(e => e.InvoiceId));
        Assert.Equal("whatsapp", all[^1].Provider);
        Assert.Equal([invoices[1]], named.Select(e => e.InvoiceId));
        Assert.Equal([invoices[2]], paged.Select(e => e.InvoiceId));
        Assert.Equal((404, "No such merchant"), await ThreeMerchants.ProblemAsync(await GetJsonAsync(_m.Operator, $"/events?merchant_id={Missing}")));
    }

    [Fact]
    public async Task EventStream_MerchantKey_StreamsOnlyItsOwnMerchantsEvents()
    {
        var (aId, a) = _m.Merchants[0];
        await using var mine = await SseReader.OpenAsync(a);
        await using var everything = await SseReader.OpenAsync(_m.Operator);
        await using var named = await SseReader.OpenAsync(_m.Operator, query: $"?merchant_id={_m.Merchants[2].Id}");

        var theirs = await ThreeMerchants.CreateInvoiceAsync(_m.Merchants[1].Key);
        var third = await ThreeMerchants.CreateInvoiceAsync(_m.Merchants[2].Key);
        var own = await ThreeMerchants.CreateInvoiceAsync(a);

        var seen = await mine.ReadUntilAsync(f => f.Count >= 1);
        var all = await everything.ReadUntilAsync(f => f.Count >= 3);
        var onlyThird = await named.ReadUntilAsync(f => f.Count >= 1);

        Assert.Contains(own, seen[0].Data);
        Assert.Contains($"\"merchant_id\":{aId}", seen[0].Data);
        Assert.Equal([theirs, third, own], all.Select(f => JsonDocument.Parse(f.Data).RootElement.GetProperty("invoice_id").GetString()));
        Assert.Contains(third, onlyThird[0].Data);
        // Nothing else reached the merchant's stream: its next frame is its own next event.
        await ThreeMerchants.CreateInvoiceAsync(_m.Merchants[1].Key, "0733000222");
        var next = await ThreeMerchants.CreateInvoiceAsync(a, "0733000222");
        Assert.Contains(next, (await mine.ReadUntilAsync(f => f.Count >= 1))[0].Data);
    }

    [Fact]
    public async Task Reconciliation_MerchantKey_ListsOnlyItsOwnInvoicesDifferences()
    {
        var invoices = new List<string>();
        foreach (var (_, key) in _m.Merchants) invoices.Add(await ThreeMerchants.CreateInvoiceAsync(key));
        // Money recorded with no M-PESA receipt behind it, on every merchant's invoice.
        await using (var c = await _factory.Db.OpenAsync(default))
            await c.ExecuteAsync("UPDATE invoices SET amount_paid_cents = 50000, status = 'PARTIALLY_PAID'");

        for (var i = 0; i < 3; i++)
            Assert.Equal([invoices[i]], await DifferencesAsync(_m.Merchants[i].Key, ""));
        Assert.Equal(invoices.Order(), (await DifferencesAsync(_m.Operator, "")).Order());
        Assert.Equal([invoices[2]], await DifferencesAsync(_m.Operator, $"?merchant_id={_m.Merchants[2].Id}"));
        Assert.Equal((404, "No such merchant"), await ThreeMerchants.ProblemAsync(await _m.Operator.GetAsync($"/reconciliation?merchant_id={Missing}")));
    }

    [Fact]
    public async Task SuspendedMerchant_EveryDoorItsKeyOpened_403_TheOthersStillOpen()
    {
        var (suspendedId, suspended) = _m.Merchants[2];
        var own = await ThreeMerchants.CreateInvoiceAsync(suspended);
        await _m.Operator.PostAsync($"/merchants/{suspendedId}/suspend", null);
        var before = await _m.SnapshotAsync();

        var answers = new List<HttpResponseMessage>
        {
            await suspended.GetAsync("/invoices"),
            await suspended.GetAsync($"/invoices/{own}"),
            await suspended.PostAsJsonAsync("/invoices", new { msisdn = "0712345678", amount_cents = 100, description = "x" }),
            await InitiateAsync(suspended, own),
            await suspended.GetAsync("/stats/summary"),
            await GetJsonAsync(suspended, "/events"),
            await suspended.GetAsync("/events"),
            await suspended.GetAsync("/reconciliation"),
        };

        Assert.All(answers, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Equal(before, await _m.SnapshotAsync());
        Assert.Equal(HttpStatusCode.OK, (await GetJsonAsync(_m.Merchants[0].Key, "/events")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _m.Merchants[1].Key.GetAsync("/reconciliation")).StatusCode);
    }

    private static async Task<HttpResponseMessage> InitiateAsync(HttpClient key, string invoiceId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/payments/stk/initiate") { Content = JsonContent.Create(new { invoice_id = invoiceId }) };
        request.Headers.Add("Idempotency-Key", "k-" + Guid.NewGuid().ToString("N"));
        return await key.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> GetJsonAsync(HttpClient key, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await key.SendAsync(request);
    }

    private static async Task<List<(long Id, string Type, string? InvoiceId, string? Provider)>> EventsAsync(HttpClient key, string query)
    {
        var response = await GetJsonAsync(key, "/events" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("events").EnumerateArray()
            .Select(e => (e.GetProperty("id").GetInt64(), e.GetProperty("type").GetString()!, e.GetProperty("invoice_id").GetString(),
                e.GetProperty("provider").GetString()))
            .ToList();
    }

    private static async Task<List<string>> DifferencesAsync(HttpClient key, string query)
    {
        var report = await key.GetFromJsonAsync<JsonElement>("/reconciliation" + query);
        return report.GetProperty("differences").EnumerateArray().Select(d => d.GetProperty("invoice_id").GetString()!).ToList();
    }
}
