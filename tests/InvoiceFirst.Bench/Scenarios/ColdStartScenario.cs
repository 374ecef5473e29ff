using InvoiceFirst.Bench.Hosting;
using InvoiceFirst.Testing;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Bench.Scenarios;

/// <summary>Process start to the first <c>/readyz</c> 200: once on an empty database (migrations run), then restarts.</summary>
public static class ColdStartScenario
{
    public sealed record Options(int Restarts = 5);

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(Options o, TextWriter log)
    {
        var connectionString = await BenchDatabase.CreateAsync("bench_coldstart");
        await using var graph = await FakeWhatsAppGraph.StartAsync();
        await using var daraja = await FakeDaraja.StartAsync();
        await using var sms = await FakeAfricasTalking.StartAsync();
        var environment = BotUnderTest.Environment(connectionString, graph, daraja, sms, null);

        log.WriteLine($"coldstart: first start (migrations) and {o.Restarts} restarts");
        var first = await TimeOneAsync(environment);
        var restarts = new List<(double Ms, ProcessSample Sample)>();
        for (var i = 0; i < o.Restarts; i++) restarts.Add(await TimeOneAsync(environment));

        var firstResult = new BenchResult("coldstart", "empty database (migrations)") { Count = 1, P50 = first.Ms, P95 = first.Ms, P99 = first.Ms, Max = first.Ms, PeakRssMb = first.Sample.PeakRssMb, CpuSeconds = first.Sample.CpuSeconds };
        var run = new LoadRun([.. restarts.Select(r => r.Ms)], 0, 0);
        var restartResult = new BenchResult("coldstart", "restart (migrated)").WithLatencies(run) with
        {
            Throughput = 0,
            PeakRssMb = restarts.Max(r => r.Sample.PeakRssMb),
            CpuSeconds = Math.Round(restarts.Average(r => r.Sample.CpuSeconds), 2),
        };
        return [firstResult with { Passed = first.Ms <= 2000 }, restartResult with { Passed = restartResult.Max <= 2000 }];
    }

    private static async Task<(double Ms, ProcessSample Sample)> TimeOneAsync(Dictionary<string, string> environment)
    {
        var clock = Stopwatch.StartNew();
        await using var bot = BotProcess.Start(environment);
        using var http = new HttpClient { BaseAddress = new Uri(bot.BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var response = await http.GetAsync("/readyz");
                if (response.IsSuccessStatusCode)
                    return (Math.Round(clock.Elapsed.TotalMilliseconds, 1), ProcessSample.Read(bot.ProcessId));
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(5);
        }
        throw new TimeoutException($"/readyz not 200 within 60 s\n{bot.Output}");
    }
}
