using InvoiceFirst.Bench.Hosting;

namespace InvoiceFirst.Bench.Scenarios;

/// <summary>
/// Signed WhatsApp text webhooks from many merchants at a fixed concurrency: how many are durably
/// accepted per second and how fast each is answered; then the same load against the floor.
/// </summary>
public static class IngestScenario
{
    public sealed record Options(int Count = 20_000, int Concurrency = 64, int Merchants = 1_000, int Warmup = 1_000, bool WithFloor = true);

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(Options o, TextWriter log)
    {
        var results = new List<BenchResult>();
        BenchResult? floor = null;
        if (o.WithFloor)
        {
            floor = await FloorAsync(o, log);
            results.Add(floor);
        }

        var connectionString = await BenchDatabase.CreateMigratedAsync("bench_ingest");
        await Seed.MerchantsAsync(connectionString, o.Merchants);
        await using var bot = await BotUnderTest.StartAsync(connectionString);
        using var http = BenchHttp.Client(bot.BaseUrl, o.Concurrency);

        log.WriteLine($"ingest: {o.Warmup} warm-up + {o.Count} webhooks, {o.Concurrency} connections");
        await SendAllAsync(http, "/whatsapp/webhook", Bodies(o, o.Warmup, "w"), o.Concurrency);
        var before = bot.Sample();
        var run = await SendAllAsync(http, "/whatsapp/webhook", Bodies(o, o.Count, "m"), o.Concurrency);
        var after = bot.Sample();

        // Durably accepted means: in the inbox, once each (the unique provider event id).
        var stored = await bot.ScalarAsync("SELECT count(*) FROM inbox WHERE provider_event_id LIKE 'wamid.bench-m-%'");
        var result = new BenchResult("ingest", $"c={o.Concurrency}").WithLatencies(run).WithBot(before, after);
        result.Checks["accepted"] = run.Count;
        result.Checks["stored"] = stored;
        result = result with { Passed = stored == run.Count };
        if (floor is not null)
        {
            result.Checks["throughput_vs_floor"] = Math.Round(result.Throughput / floor.Throughput, 2);
            result.Checks["p99_vs_floor"] = Math.Round(result.P99 / Math.Max(floor.P99, 0.1), 2);
        }
        results.Add(result);
        return results;
    }

    public static async Task<BenchResult> FloorAsync(Options o, TextWriter log)
    {
        var connectionString = await BenchDatabase.CreateAsync("bench_floor");
        await using var floor = await FloorServer.StartAsync(connectionString, BotUnderTest.AppSecret);
        using var http = BenchHttp.Client(floor.BaseUrl, o.Concurrency);
        log.WriteLine($"floor: {o.Warmup} warm-up + {o.Count} webhooks, {o.Concurrency} connections");
        await SendAllAsync(http, FloorServer.Path, Bodies(o, o.Warmup, "w"), o.Concurrency);
        var run = await SendAllAsync(http, FloorServer.Path, Bodies(o, o.Count, "m"), o.Concurrency);
        var stored = await floor.StoredAsync();
        var result = new BenchResult("floor", $"c={o.Concurrency}").WithLatencies(run);
        result.Checks["stored"] = stored - o.Warmup;
        return result with { Passed = stored - o.Warmup == run.Count };
    }

    /// <summary>Built (and signed) before the clock starts, so the harness measures the server, not itself.</summary>
    private static SignedBody[] Bodies(Options o, int count, string tag) =>
        Enumerable.Range(0, count)
            .Select(i => BenchHttp.WhatsAppText(Seed.MerchantPhone(i % o.Merchants), "help", $"wamid.bench-{tag}-{i}", BotUnderTest.AppSecret))
            .ToArray();

    private static Task<LoadRun> SendAllAsync(HttpClient http, string path, SignedBody[] bodies, int concurrency) =>
        LoadGenerator.ClosedAsync(bodies.Length, concurrency, i => BenchHttp.PostSignedAsync(http, path, bodies[i]));
}
