using InvoiceFirst.Bench.Hosting;
using InvoiceFirst.Data.Outbox;

namespace InvoiceFirst.Bench.Scenarios;

/// <summary>
/// A backlog of outbox rows against a configured WhatsApp limit: the rate at which the fake Graph
/// receives them must be the limit (within 2%) and never above it in any one-second window.
/// </summary>
public static class DispatchScenario
{
    public sealed record Options(int[]? Limits = null, int Seconds = 15);

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(Options o, TextWriter log)
    {
        var results = new List<BenchResult>();
        foreach (var limit in o.Limits ?? [80, 1_000])
            results.Add(await RunAsync(limit, limit * o.Seconds, log));
        return results;
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

    private static async Task QueueAsync(string connectionString, int rows)
    {
        const string sql = """
            INSERT INTO outbox (recipient, purpose, payload, dedupe_key, status, attempts, next_attempt_at, created_at, updated_at)
            SELECT '2547' || (20000000 + g), 'notice', @payload, 'bench:' || g, 'PENDING', 0, now(), now(), now()
            FROM generate_series(1, @rows) g
            """;
        var payload = OutboxRepository.Serialize(new OutboundMessage { Text = "Your invoice", Template = new TemplateMessage("invoice_v1", "en", []) });
        await using var c = new NpgsqlConnection(connectionString);
        await c.ExecuteAsync(sql, new { payload, rows });
    }
}
