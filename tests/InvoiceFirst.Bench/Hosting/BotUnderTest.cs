using InvoiceFirst.Testing;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Bench.Hosting;

/// <summary>
/// The built bot as its own process (Release when the harness runs in Release), in Live mode over
/// a PostgreSQL database, with WhatsApp Graph, Daraja and Africa's Talking replaced by loopback fakes.
/// </summary>
public sealed class BotUnderTest : IAsyncDisposable
{
    public const string AppSecret = "bench_app_secret";
    public const string ApiKey = "bench-api-key";
    public const string MerchantPhone = LiveSettings.MerchantPhone;

    private BotUnderTest(BotProcess process, string connectionString, FakeWhatsAppGraph graph, FakeDaraja daraja, FakeAfricasTalking sms)
    {
        Process = process;
        ConnectionString = connectionString;
        Graph = graph;
        Daraja = daraja;
        Sms = sms;
    }

    public BotProcess Process { get; }
    public string ConnectionString { get; }
    public FakeWhatsAppGraph Graph { get; }
    public FakeDaraja Daraja { get; }
    public FakeAfricasTalking Sms { get; }
    public string BaseUrl => Process.BaseUrl;

    public ProcessSample Sample() => ProcessSample.Read(Process.ProcessId);

    /// <param name="settings">Added to the Live-mode settings, in configuration form (<c>WhatsApp:MessagesPerSecond</c>).</param>
    public static async Task<BotUnderTest> StartAsync(string connectionString, IDictionary<string, string>? settings = null)
    {
        var graph = await FakeWhatsAppGraph.StartAsync();
        var daraja = await FakeDaraja.StartAsync();
        var sms = await FakeAfricasTalking.StartAsync();
        var process = BotProcess.Start(Environment(connectionString, graph, daraja, sms, settings));
        var bot = new BotUnderTest(process, connectionString, graph, daraja, sms);
        try
        {
            var ready = await process.WaitForOkAsync("/readyz", TimeSpan.FromSeconds(60));
            if (!ready.IsSuccessStatusCode) throw new InvalidOperationException($"Bot not ready: {(int)ready.StatusCode}\n{process.Output}");
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
        return bot;
    }

    public static Dictionary<string, string> Environment(
        string connectionString, FakeWhatsAppGraph graph, FakeDaraja daraja, FakeAfricasTalking sms, IDictionary<string, string>? settings)
    {
        var all = LiveSettings.ForFakes(connectionString, graph, daraja, sms, AppSecret, ApiKey, "Bench Shop");
        // The API's per-key limit guards against a runaway client; the settle set-up is one on purpose.
        all["Api__PermitLimit"] = "1000000";
        // So is the daily invoice limit of one merchant (1,000 by default): the bench's merchants invoice thousands a run.
        all["Merchants__DailyInvoiceLimit"] = "0";
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) all[k.Replace(":", "__", StringComparison.Ordinal)] = v;
        return all;
    }

    public async Task<long> ScalarAsync(string sql, object? args = null)
    {
        await using var c = new NpgsqlConnection(ConnectionString);
        return await c.ExecuteScalarAsync<long>(sql, args);
    }

    /// <summary>A timestamp the query selects (UTC), or null.</summary>
    public async Task<DateTimeOffset?> LatestAsync(string sql)
    {
        await using var c = new NpgsqlConnection(ConnectionString);
        return await c.ExecuteScalarAsync<DateTime?>(sql) is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }

    /// <summary>Polls a count until it reaches <paramref name="expected"/> or the deadline; returns the last value.</summary>
    /// <param name="every">How often; a count that scans a table takes CPU from the bot it measures.</param>
    public async Task<long> UntilCountAsync(string sql, long expected, TimeSpan timeout, object? args = null, TimeSpan? every = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var n = await ScalarAsync(sql, args);
            if (n >= expected || deadline.Elapsed > timeout) return n;
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(50));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        await Graph.DisposeAsync();
        await Daraja.DisposeAsync();
        await Sms.DisposeAsync();
    }
}
