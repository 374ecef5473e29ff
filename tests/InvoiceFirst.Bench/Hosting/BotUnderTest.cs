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
    public const string MerchantPhone = "254700000001";

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
        var all = new Dictionary<string, string>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["App:Mode"] = "Live",
            ["Api:Key"] = ApiKey,
            // The API's per-key limit guards against a runaway client; the settle set-up is one on purpose.
            ["Api:PermitLimit"] = "1000000",
            ["Merchant:Phone"] = MerchantPhone,
            ["Merchant:Name"] = "Bench Shop",
            ["WhatsApp:BaseUrl"] = graph.BaseUrl,
            ["WhatsApp:PhoneNumberId"] = WebhookBuilders.PhoneNumberId,
            ["WhatsApp:AccessToken"] = "bench-access-token",
            ["WhatsApp:VerifyToken"] = "bench-verify-token",
            ["WhatsApp:AppSecret"] = AppSecret,
            ["WhatsApp:InvoiceTemplate"] = "invoice_v1",
            ["Mpesa:BaseUrl"] = daraja.BaseUrl,
            ["Mpesa:ConsumerKey"] = daraja.ConsumerKey,
            ["Mpesa:ConsumerSecret"] = daraja.ConsumerSecret,
            ["Mpesa:ShortCode"] = "174379",
            ["Mpesa:Passkey"] = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919",
            // No STK Query while callbacks are on their way: the benchmark measures callbacks.
            ["Payments:QueryAfterSeconds"] = "600",
            ["AfricasTalking:BaseUrl"] = sms.BaseUrl,
            ["AfricasTalking:Username"] = "sandbox",
            ["AfricasTalking:ApiKey"] = "bench-at-key",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) all[k] = v;
        return all.ToDictionary(kv => kv.Key.Replace(":", "__", StringComparison.Ordinal), kv => kv.Value);
    }

    public async Task<long> ScalarAsync(string sql, object? args = null)
    {
        await using var c = new NpgsqlConnection(ConnectionString);
        return await c.ExecuteScalarAsync<long>(sql, args);
    }

    /// <summary>Polls a count until it reaches <paramref name="expected"/> or the deadline; returns the last value.</summary>
    public async Task<long> UntilCountAsync(string sql, long expected, TimeSpan timeout, object? args = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var n = await ScalarAsync(sql, args);
            if (n >= expected || deadline.Elapsed > timeout) return n;
            await Task.Delay(50);
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
