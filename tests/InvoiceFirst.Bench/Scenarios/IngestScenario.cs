using System.Diagnostics;
using InvoiceFirst.Bench.Hosting;

namespace InvoiceFirst.Bench.Scenarios;

/// <summary>
/// Signed WhatsApp text webhooks from many merchants at a fixed concurrency: how many are durably
/// accepted per second and how fast each is answered; then the same load against the floor.
/// </summary>
public static class IngestScenario
{
    public sealed record Options(int Count = 20_000, int Concurrency = 64, int Merchants = 1_000, int Warmup = 4_000, bool WithFloor = true);

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
        // Unpaced like the invoices run: at WhatsApp's 80/s the answers would measure the limit, not the bot.
        await using var bot = await BotUnderTest.StartAsync(connectionString, InvoicesScenario.Unpaced);
        using var http = BenchHttp.Client(bot.BaseUrl, o.Concurrency);

        log.WriteLine($"ingest: warm-up rounds of {o.Warmup} + {o.Count} webhooks, {o.Concurrency} connections");
        var rounds = await SteadyState.WarmUpAsync("ingest", async round =>
        {
            var start = bot.Sample();
            await SendAllAsync(http, "/whatsapp/webhook", Bodies(o, o.Warmup, $"w{round}"), o.Concurrency);
            await AnsweredAsync(bot, round * o.Warmup);
            return bot.Sample().JitShareSince(start);
        }, log);
        var warmup = rounds * o.Warmup;
        var before = bot.Sample();
        var run = await SendAllAsync(http, "/whatsapp/webhook", Bodies(o, o.Count, "m"), o.Concurrency);
        var after = bot.Sample();
        var drain = Stopwatch.StartNew();

        // Durably accepted means: in the inbox, once each (the unique provider event id).
        var stored = await bot.ScalarAsync("SELECT count(*) FROM inbox WHERE provider_event_id LIKE 'wamid.bench-m-%'");
        // Answered means: every event handled and every reply it queued sent. Timed from the burst's start, and the
        // bot's CPU over the whole of it is the cost of one message (taking it, answering it, sending the answer).
        var answered = await AnsweredAsync(bot, warmup + o.Count);
        drain.Stop();
        var done = bot.Sample();
        var result = new BenchResult("ingest", $"c={o.Concurrency}").WithLatencies(run).WithBot(before, after);
        result.Checks["accepted"] = run.Count;
        result.Checks["stored"] = stored;
        result.Checks["answered_per_s"] = Math.Round(o.Count / (run.Seconds + drain.Elapsed.TotalSeconds), 0);
        result.Checks["cpu_ms_per_message"] = Math.Round((done.CpuSeconds - before.CpuSeconds) * 1000 / o.Count, 2);
        result.Checks["jit_cpu_share"] = done.JitShareSince(before);
        result.Checks["warmup_messages"] = warmup;
        result = result with { Passed = stored == run.Count && answered == o.Count + warmup };
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

    /// <summary>Waits until every event is handled and every reply sent; returns how many events are handled.</summary>
    private static Task<long> AnsweredAsync(BotUnderTest bot, int events) =>
        bot.UntilCountAsync(
            "SELECT count(*) FROM inbox WHERE status = 'DONE' AND NOT EXISTS (SELECT 1 FROM outbox WHERE status IN ('PENDING', 'SENDING'))",
            events, TimeSpan.FromMinutes(3));

    /// <summary>Built (and signed) before the clock starts, so the harness measures the server, not itself.</summary>
    private static SignedBody[] Bodies(Options o, int count, string tag) =>
        Enumerable.Range(0, count)
            .Select(i => BenchHttp.WhatsAppText(Seed.MerchantPhone(i % o.Merchants), "help", $"wamid.bench-{tag}-{i}", BotUnderTest.AppSecret))
            .ToArray();

    private static Task<LoadRun> SendAllAsync(HttpClient http, string path, SignedBody[] bodies, int concurrency) =>
        LoadGenerator.ClosedAsync(bodies.Length, concurrency, i => BenchHttp.PostSignedAsync(http, path, bodies[i]));
}
