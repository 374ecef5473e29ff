using InvoiceFirst.Data.Database;
using InvoiceFirst.Testing;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Faults.Chaos;

/// <summary>
/// One PostgreSQL database, the provider fakes on loopback, and N slots each running the built bot
/// as a separate process in Live mode. A slot can be killed (SIGKILL) and started again; the
/// webhook sender only uses slots that answered <c>/readyz</c>.
/// </summary>
public sealed class ChaosWorld : IAsyncDisposable
{
    public const string MerchantPhone = LiveSettings.MerchantPhone;
    public const string AppSecret = "chaos-app-secret";

    private readonly BotProcess?[] slots;
    private readonly bool[] live;
    private readonly Dictionary<string, string> environment;
    private readonly Lock gate = new();

    private ChaosWorld(FakeWhatsAppGraph graph, FakeAfricasTalking at, FakeDaraja daraja, string connectionString, int instances,
        IDictionary<string, string>? extra)
    {
        Graph = graph;
        AfricasTalking = at;
        Daraja = daraja;
        ConnectionString = connectionString;
        Db = new Db(new DatabaseTarget(Dialect.Postgres, connectionString) { ForbidNestedConnections = true });
        slots = new BotProcess?[instances];
        live = new bool[instances];
        environment = Environment(connectionString, graph, at, daraja);
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) environment[k] = v;
    }

    public FakeWhatsAppGraph Graph { get; }
    public FakeAfricasTalking AfricasTalking { get; }
    public FakeDaraja Daraja { get; }
    public string ConnectionString { get; }
    public int Restarts { get; private set; }

    /// <summary>The test's own view of the database (one pool for the whole run).</summary>
    public Db Db { get; }

    public int Instances => slots.Length;

    /// <summary>Base URLs of the instances that are up, in slot order.</summary>
    public IReadOnlyList<string> LiveUrls
    {
        get { lock (gate) return [.. slots.Where((s, i) => s is not null && live[i]).Select(s => s!.BaseUrl)]; }
    }

    public static async Task<ChaosWorld> StartAsync(int instances, IDictionary<string, string>? extra = null)
    {
        var graph = await FakeWhatsAppGraph.StartAsync();
        var at = await FakeAfricasTalking.StartAsync();
        var daraja = await FakeDaraja.StartAsync();
        var target = await TestDatabases.CreateAsync(Dialect.Postgres, "chaos");
        var world = new ChaosWorld(graph, at, daraja, target.ConnectionString, instances, extra);
        // The first one alone runs the migrations; the others then start together.
        await world.StartAsync(0);
        await Task.WhenAll(Enumerable.Range(1, instances - 1).Select(world.StartAsync));
        return world;
    }

    /// <summary>Starts the slot's process and waits until it is ready; only then does it take webhooks.</summary>
    public async Task StartAsync(int slot)
    {
        var process = BotProcess.Start(environment);
        lock (gate) slots[slot] = process;
        await process.WaitForOkAsync("/readyz", TimeSpan.FromSeconds(90));
        lock (gate) live[slot] = true;
    }

    /// <summary>SIGKILL: no graceful shutdown, requests and sends in flight are cut off.</summary>
    public async Task KillAsync(int slot)
    {
        BotProcess? process;
        lock (gate)
        {
            process = slots[slot];
            slots[slot] = null;
            live[slot] = false;
        }
        if (process is not null) await process.DisposeAsync();
    }

    public async Task RestartAsync(int slot)
    {
        await KillAsync(slot);
        Restarts++;
        await StartAsync(slot);
    }

    public string Output(int slot)
    {
        lock (gate) return slots[slot]?.Output ?? "";
    }

    private static Dictionary<string, string> Environment(string connectionString, FakeWhatsAppGraph graph, FakeAfricasTalking at, FakeDaraja daraja)
    {
        var all = LiveSettings.ForFakes(connectionString, graph, daraja, at, AppSecret, "chaos-api-key", "Chaos Traders");
        foreach (var (k, v) in Chaos) all[k] = v;
        return all;
    }

    private static readonly Dictionary<string, string> Chaos = new()
    {
        // One public address for every instance, as behind a load balancer: callbacks name a path, the sender picks the instance.
        ["App__PublicBaseUrl"] = "https://bot.example.com",
        ["Database__ForbidNestedConnections"] = "true",
        ["WhatsApp__MessagesPerSecond"] = "200",
        ["Sms__DailyCapPerMerchant"] = "0",
        // The driver is one very busy merchant: the per-sender flood guard would (rightly) stop answering it.
        ["Chat__PerSenderPermitLimit"] = "0",
        // Long enough that a restarted process never mistakes its own slow sends (a loaded CI box) for crashed ones.
        ["Outbox__Lease"] = "00:00:10",
        ["Outbox__UnknownOutcomeWait"] = "00:00:01",
        ["Outbox__PollInterval"] = "00:00:00.200",
        ["Outbox__RetryBaseDelay"] = "00:00:00.050",
        ["Payments__PollMilliseconds"] = "100",
        ["Reminders__Enabled"] = "false",
        ["Reconciliation__Enabled"] = "false",
        ["Retention__Enabled"] = "false",
        ["Serilog__MinimumLevel__Default"] = "Warning",
    };

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < slots.Length; i++) await KillAsync(i);
        await Graph.DisposeAsync();
        await AfricasTalking.DisposeAsync();
        await Daraja.DisposeAsync();
        await Db.DisposeAsync();
    }
}
