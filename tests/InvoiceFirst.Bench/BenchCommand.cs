using System.Globalization;
using InvoiceFirst.Bench.Hosting;
using InvoiceFirst.Bench.Scenarios;

namespace InvoiceFirst.Bench;

/// <summary>Parses the command line, runs the scenarios it names and prints their results.</summary>
public static class BenchCommand
{
    public const string Usage = """
        usage: dotnet run -c Release --project tests/InvoiceFirst.Bench -- <scenario> [options]
          ingest     signed WhatsApp webhooks, closed loop; runs floor first    --count 20000 --concurrency 64 --warmup 4000
          floor      the same load against a signature check + one INSERT       --count 20000 --concurrency 64
          invoices   floor; then end to end, fixed rate and saturation          --rate 500 --seconds 10 --saturation 6000 --concurrency 64 --warmup 2000
          merchants  invoices vs 1,000 merchants x 10 customers; then fairness  --rate 100 --seconds 10 --saturation 6000 --merchants 1000 --customers 10 --burst 2000 --warmup 2000 --baseline-merchants 2000
          settle     floor; then STK callbacks, each three times, shuffled      --payments 3000 --concurrency 64 --warmup 2000
          writes     floor; then the writes of invoices, settlements, alone     --count 6000 --concurrency 64 --warmup 2000 [--without events,message_log,conversations,sms_usage]
          dispatch   outbox backlog against configured limits                   --limits 80,1000 --seconds 15 [--numbers 2]
          scale      invoices with 0 / 10k / 1M existing invoices               --sizes 0,10000,1000000 --rate 100 --seconds 5 --saturation 2000
          coldstart  process start to /readyz 200                               --restarts 5
          all        every scenario; writes results.md and results.jsonl        --out bench-results
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            output.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        var options = Parse(args.Skip(1).ToArray());
        var scenario = args[0];
        var names = scenario == "all" ? ["ingest", "invoices", "merchants", "settle", "writes", "dispatch", "scale", "coldstart"] : new[] { scenario };

        var all = new List<BenchResult>();
        foreach (var name in names)
        {
            var clock = Stopwatch.StartNew();
            IReadOnlyList<BenchResult> results;
            try
            {
                results = await RunOneAsync(name, options, output);
            }
            catch (Exception e) when (e is not ArgumentException)
            {
                // Reported as a failed case; the run goes on and the throwaway cluster is still stopped at exit.
                output.WriteLine($"{name} failed: {e}");
                results = [new BenchResult(name, "failed: " + e.GetType().Name) { Passed = false }];
            }
            output.WriteLine($"{name} took {clock.Elapsed.TotalSeconds:0} s");
            Report.Print(results, output);
            all.AddRange(results);
        }
        if (scenario == "all") await WriteAsync(all, options.GetValueOrDefault("out") ?? "bench-results", output);
        return all.All(r => r.Passed) ? 0 : 1;
    }

    private static async Task<IReadOnlyList<BenchResult>> RunOneAsync(string name, Dictionary<string, string> o, TextWriter log)
    {
        int I(string key, int fallback) => o.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        double D(string key, double fallback) => o.TryGetValue(key, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        T[]? List<T>(string key, Func<string, T> parse) => o.TryGetValue(key, out var v) ? v.Split(',').Select(parse).ToArray() : null;
        var concurrency = I("concurrency", 64);

        return name switch
        {
            "ingest" => await IngestScenario.RunAsync(new(I("count", 20_000), concurrency, Warmup: I("warmup", 4_000)), log),
            "floor" => [await IngestScenario.FloorAsync(new(I("count", 20_000), concurrency), log)],
            "invoices" => await InvoicesScenario.RunAsync(new(D("rate", 500), I("seconds", 10), I("saturation", 6_000), concurrency, Warmup: I("warmup", 2_000)), log),
            "merchants" => await MerchantsScenario.RunAsync(new(D("rate", 100), I("seconds", 10), I("saturation", 6_000), concurrency,
                I("merchants", 1_000), I("customers", 10), I("warmup", 2_000), I("burst", 2_000), I("baseline-merchants", 2_000)), log),
            "settle" => await SettleScenario.RunAsync(new(I("payments", 3_000), concurrency, Warmup: I("warmup", 2_000)), log),
            "writes" => await WriteSetScenario.RunAsync(new(I("count", 6_000), concurrency, Warmup: I("warmup", 2_000),
                Without: List("without", s => s)), log),
            "dispatch" => await DispatchScenario.RunAsync(new(List("limits", s => int.Parse(s, CultureInfo.InvariantCulture)), I("seconds", 15), I("numbers", 0)), log),
            "scale" => await ScaleScenario.RunAsync(new(D("rate", 100), I("seconds", 5), I("saturation", 2_000), concurrency,
                Sizes: List("sizes", s => long.Parse(s, CultureInfo.InvariantCulture))), log),
            "coldstart" => await ColdStartScenario.RunAsync(new(I("restarts", 5)), log),
            _ => throw new ArgumentException($"unknown scenario '{name}'\n{Usage}"),
        };
    }

    private static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"expected --option, got '{args[i]}'\n{Usage}");
            options[args[i][2..]] = args[i + 1];
        }
        return options;
    }

    private static async Task WriteAsync(IReadOnlyList<BenchResult> results, string directory, TextWriter output)
    {
        Directory.CreateDirectory(directory);
        var header = $"Machine: {Machine.Describe()}; PostgreSQL {await BenchDatabase.ServerVersionAsync()}; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC\n\n";
        var markdown = header + Report.Table(results, markdown: true);
        await File.WriteAllTextAsync(Path.Combine(directory, "results.md"), markdown);
        await File.WriteAllLinesAsync(Path.Combine(directory, "results.jsonl"), results.Select(Report.JsonLine));
        output.WriteLine();
        output.WriteLine(markdown);
        output.WriteLine($"written to {Path.GetFullPath(directory)}");
    }
}
