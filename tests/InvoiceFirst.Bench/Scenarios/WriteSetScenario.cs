using InvoiceFirst.Bench.Hosting;
using InvoiceFirst.Bench.Scenarios.Writes;

namespace InvoiceFirst.Bench.Scenarios;

/// <summary>
/// The durable writes of an invoice end to end (<see cref="InvoiceWrites"/>) and of a settlement with its receipts
/// (<see cref="SettlementWrites"/>), driven straight at the migrated schema with no HTTP and no bot, each two ways
/// (<see cref="WriteRunner"/>). Read against the floor of the same run, the batched figure bounds what any bot that
/// keeps these writes can reach on this machine, before it parses a webhook or calls a provider.
/// </summary>
public static class WriteSetScenario
{
    /// <param name="Without">Tables whose rows nothing else here reads, left out to price them (see <see cref="Optional"/>).</param>
    public sealed record Options(int Count = 6_000, int Concurrency = 64, int Merchants = 2_000, int Warmup = 2_000, bool WithFloor = true,
        IReadOnlyList<string>? Without = null);

    public static readonly string[] Optional = ["events", "message_log", "conversations", "sms_usage"];

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(Options o, TextWriter log)
    {
        var without = o.Without ?? [];
        if (without.FirstOrDefault(t => !Optional.Contains(t)) is { } other)
            throw new ArgumentException($"writes --without takes {string.Join(", ", Optional)}; not '{other}'");
        var results = new List<BenchResult>();
        var floor = o.WithFloor ? await IngestScenario.FloorAsync(new(Concurrency: o.Concurrency), log) : null;
        if (floor is not null) results.Add(floor);

        var connectionString = await BenchDatabase.CreateMigratedAsync("bench_writes");
        await Seed.MerchantsAsync(connectionString, o.Merchants);
        await using var c = new NpgsqlConnection(connectionString);
        var merchants = (await c.QueryAsync<long>("SELECT id FROM merchants ORDER BY id")).ToArray();
        // Statements prepared on each pooled connection, as the bot's pool does (Db.PooledSettings).
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64 }.ConnectionString);

        foreach (var set in new IWriteSet[] { new InvoiceWrites(merchants), new SettlementWrites(merchants) })
        {
            var first = 0;
            foreach (var batched in new[] { false, true })
            {
                var run = new WriteRunner(dataSource, batched, without);
                var name = $"{set.Unit}s {(batched ? "batched" : "statements")}{string.Concat(without.Select(t => " -" + t))}";
                log.WriteLine($"writes ({name}): {o.Warmup} warm-up + {o.Count}, {o.Concurrency} connections");
                await set.SetUpAsync(c, first, first + o.Warmup + o.Count);
                var warmupFrom = first;
                await LoadGenerator.ClosedAsync(o.Warmup, o.Concurrency, i => set.WriteAsync(run, warmupFrom + i));
                first += o.Warmup;
                var result = await MeasureAsync(set, run, $"{name} c={o.Concurrency}", first, o, connectionString);
                first += o.Count;
                var (checks, whole) = await set.CheckAsync(c, first - o.Count, first);
                foreach (var (k, v) in checks) result.Checks[k] = v;
                if (floor is not null) result.Checks["writes_vs_floor"] = Math.Round(result.Throughput / floor.Throughput, 3);
                results.Add(result with { Passed = result.Errors == 0 && whole });
            }
        }
        return results;
    }

    private static async Task<BenchResult> MeasureAsync(IWriteSet set, WriteRunner run, string name, int from, Options o, string connectionString)
    {
        var database = await DatabaseCpu.SecondsAsync(connectionString);
        var client = Process.GetCurrentProcess().TotalProcessorTime;
        var roundTrips = run.RoundTrips;
        var load = await LoadGenerator.ClosedAsync(o.Count, o.Concurrency, i => set.WriteAsync(run, from + i));
        var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - client).TotalMilliseconds;
        var databaseCpu = await DatabaseCpu.SecondsAsync(connectionString) - database;

        var result = new BenchResult("writes", name).WithLatencies(load);
        result.Checks[$"round_trips_per_{set.Unit}"] = Math.Round((run.RoundTrips - roundTrips) / (double)o.Count, 1);
        if (databaseCpu is { } db) result.Checks[$"db_cpu_ms_per_{set.Unit}"] = Math.Round(db * 1000 / o.Count, 2);
        result.Checks[$"client_cpu_ms_per_{set.Unit}"] = Math.Round(clientCpu / o.Count, 2);
        return result;
    }
}
