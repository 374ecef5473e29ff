using InvoiceFirst.Bench.Hosting;
using System.Net.Http.Json;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Bench.Scenarios;

/// <summary>
/// A backlog of outbox rows against a configured WhatsApp limit: the rate at which the fake Graph
/// receives them must be the limit (within 2%) and never above it in any one-second window. With
/// <c>--numbers N</c>, also a backlog split over the shared number and N merchants' own numbers: each
/// number must keep its own limit, so together they go N + 1 times as fast.
/// </summary>
public static class DispatchScenario
{
    public sealed record Options(int[]? Limits = null, int Seconds = 15, int Numbers = 0);

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(Options o, TextWriter log)
    {
        var results = new List<BenchResult>();
        foreach (var limit in o.Limits ?? [80, 1_000])
            results.Add(await RunAsync(limit, limit * o.Seconds, log));
        if (o.Numbers > 0)
            foreach (var limit in o.Limits ?? [80])
                results.Add(await PerNumberAsync(limit, o.Numbers, limit * o.Seconds, log));
        return results;
    }

    /// <summary>
    /// <paramref name="perNumber"/> rows for each of the shared number and <paramref name="numbers"/> own numbers, queued at once.
    /// Checks each number's rate and busiest second against the limit, and the whole against (numbers + 1) × limit.
    /// </summary>
    private static async Task<BenchResult> PerNumberAsync(int limit, int numbers, int perNumber, TextWriter log)
    {
        var connectionString = await BenchDatabase.CreateMigratedAsync("bench_dispatch_numbers");
        await using var bot = await BotUnderTest.StartAsync(connectionString, new Dictionary<string, string>
        {
            ["WhatsApp:MessagesPerSecond"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var ids = await RegisterNumbersAsync(bot, numbers);
        log.WriteLine($"dispatch: {perNumber} queued messages on each of {numbers + 1} numbers against {limit}/s per number");
        var before = bot.Sample();
        await QueueAsync(connectionString, perNumber * (numbers + 1), ids);
        await bot.Graph.Requests.WaitForAsync(perNumber * (numbers + 1), TimeSpan.FromSeconds(perNumber / (double)limit * 3 + 30));
        var after = bot.Sample();

        var sends = bot.Graph.Requests.All.Where(r => !FakeWhatsAppGraph.IsMediaUpload(r)).ToList();
        var byNumber = sends.GroupBy(FakeWhatsAppGraph.FromNumber).ToDictionary(g => g.Key, g => g.Select(r => r.ReceivedAt).Order().ToArray());
        var all = sends.Select(r => r.ReceivedAt).Order().ToArray();
        var rate = (all.Length - 1) / (all[^1] - all[0]).TotalSeconds;
        var rates = byNumber.Values.Select(a => (a.Length - 1) / (a[^1] - a[0]).TotalSeconds).ToList();
        var busiest = byNumber.Values.Max(MaxInAnySecond);
        var worst = rates.Max(r => Math.Abs(r - limit) / limit * 100);
        var result = new BenchResult("dispatch", $"{numbers + 1} numbers × {limit}/s") { Count = all.Length, Seconds = Math.Round((all[^1] - all[0]).TotalSeconds, 2), Throughput = rate }
            .WithBot(before, after);
        result.Checks["numbers"] = byNumber.Count;
        result.Checks["limit_per_number"] = limit;
        result.Checks["max_in_1s_window_any_number"] = busiest;
        result.Checks["worst_number_deviation_pct"] = Math.Round(worst, 2);
        result.Checks["total_vs_one_number"] = Math.Round(rate / limit, 2);
        return result with { Passed = byNumber.Count == numbers + 1 && busiest <= limit && worst <= 2 && all.Length == perNumber * (numbers + 1) };
    }

    /// <summary>Merchants each on a number of its own, through the operator's API, as an operator onboards them.</summary>
    private static async Task<IReadOnlyList<(long MerchantId, string PhoneNumberId)>> RegisterNumbersAsync(BotUnderTest bot, int numbers)
    {
        using var http = new HttpClient { BaseAddress = new Uri(bot.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", BotUnderTest.ApiKey);
        var ids = new List<(long, string)>();
        for (var i = 1; i <= numbers; i++)
        {
            var made = await http.PostAsJsonAsync("/merchants", new { phone = $"07230000{i:00}", name = $"Own Number {i}" });
            var id = (await made.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt64();
            var numberId = $"30000000000{i:0000}";
            (await http.PutAsJsonAsync($"/merchants/{id}/whatsapp", new
            {
                phone_number_id = numberId,
                access_token = $"bench-own-number-token-{i:0000}",
                display_phone_number = $"+2547110{i:00000}",
                templates = new { invoice = "invoice_v1" },
            })).EnsureSuccessStatusCode();
            ids.Add((id, numberId));
        }
        return ids;
    }

    private static async Task<BenchResult> RunAsync(int limit, int rows, TextWriter log)
    {
        var connectionString = await BenchDatabase.CreateMigratedAsync("bench_dispatch");
        await using var bot = await BotUnderTest.StartAsync(connectionString, new Dictionary<string, string>
        {
            ["WhatsApp:MessagesPerSecond"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        log.WriteLine($"dispatch: {rows} queued messages against {limit}/s");
        var before = bot.Sample();
        await QueueAsync(connectionString, rows);
        await bot.Graph.Requests.WaitForAsync(rows, TimeSpan.FromSeconds(rows / (double)limit * 3 + 30));
        var after = bot.Sample();

        var arrivals = bot.Graph.Requests.All.Select(r => r.ReceivedAt).Order().ToArray();
        var span = (arrivals[^1] - arrivals[0]).TotalSeconds;
        var rate = (arrivals.Length - 1) / span;
        var maxWindow = MaxInAnySecond(arrivals);
        var deviation = (rate - limit) / limit * 100;
        var result = new BenchResult("dispatch", $"limit {limit}/s") { Count = arrivals.Length, Seconds = Math.Round(span, 2), Throughput = rate }
            .WithBot(before, after);
        result.Checks["limit"] = limit;
        result.Checks["max_in_1s_window"] = maxWindow;
        result.Checks["deviation_pct"] = Math.Round(deviation, 2);
        result.Checks["distinct_recipients"] = arrivals.Length == 0 ? 0 : bot.Graph.Requests.All.Select(r => r.Json["to"]!.GetValue<string>()).Distinct().Count();
        return result with { Passed = maxWindow <= limit && Math.Abs(deviation) <= 2 && result.Checks["distinct_recipients"] == rows };
    }

    /// <summary>The most arrivals inside any window [t, t + 1 s), over every start t.</summary>
    public static int MaxInAnySecond(IReadOnlyList<DateTimeOffset> sorted)
    {
        var max = 0;
        for (int i = 0, j = 0; j < sorted.Count; j++)
        {
            while ((sorted[j] - sorted[i]).TotalSeconds >= 1) i++;
            max = Math.Max(max, j - i + 1);
        }
        return max;
    }

    /// <param name="numbers">Own numbers to spread the rows over, round robin with the shared number (none: all on the shared one).</param>
    private static async Task QueueAsync(string connectionString, int rows, IReadOnlyList<(long MerchantId, string PhoneNumberId)>? numbers = null)
    {
        const string sql = """
            INSERT INTO outbox (recipient, purpose, payload, dedupe_key, status, attempts, next_attempt_at, created_at, updated_at,
                merchant_id, business_number_id)
            SELECT '2547' || (20000000 + g), 'notice', @payload, 'bench:' || g, 'PENDING', 0, now(), now(), now(),
                (@merchants)[g % (cardinality(@merchants) + 1)], (@numberIds)[g % (cardinality(@numberIds) + 1)]
            FROM generate_series(1, @rows) g
            """;
        var payload = OutboxRepository.Serialize(new OutboundMessage { Text = "Your invoice", Template = new TemplateMessage("invoice_v1", "en", []) });
        await using var c = new NpgsqlConnection(connectionString);
        await c.ExecuteAsync(sql, new
        {
            payload, rows,
            merchants = (numbers ?? []).Select(n => n.MerchantId).ToArray(),
            numberIds = (numbers ?? []).Select(n => n.PhoneNumberId).ToArray(),
        });
    }
}
