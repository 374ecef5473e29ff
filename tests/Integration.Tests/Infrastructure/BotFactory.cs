using System.Net.Http.Json;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Testing;
using InvoiceFirst.Testing.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace InvoiceFirst.Integration.Tests.Infrastructure;

/// <summary>
/// The real host over a fresh PostgreSQL database of its own, in Live mode with test secrets
/// (providers pointed at loopback fakes by the settings a test adds).
/// </summary>
public sealed class BotFactory : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-api-key";
    public const string AppSecret = "test_app_secret";
    public const string VerifyToken = "test-verify-token";
    public const string MerchantPhone = "254700000001";
    public const string C2bUrlToken = "c2b-url-token-5f0c1e9a7b3d4e21a8c6";
    public const string C2bConfirmationPath = "/payments/c2b/confirmation/" + C2bUrlToken;
    public const string C2bValidationPath = "/payments/c2b/validation/" + C2bUrlToken;

    private readonly Dictionary<string, string?> _settings;
    private bool _ownsDatabase;

    private BotFactory(string connectionString, IDictionary<string, string?>? extra, bool ownsDatabase)
    {
        ConnectionString = connectionString;
        _ownsDatabase = ownsDatabase;
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = connectionString,
            ["App:Mode"] = "Live",
            ["App:PublicBaseUrl"] = "https://bot.example.com",
            // A second pooled connection opened inside a transaction throws: under load it deadlocks the pool.
            ["Database:ForbidNestedConnections"] = "true",
            ["Api:Key"] = ApiKey,
            ["Merchant:Phone"] = MerchantPhone,
            ["Merchant:Name"] = "Acme Designs",
            ["WhatsApp:PhoneNumberId"] = "106540352242922",
            ["WhatsApp:AccessToken"] = "test-access-token",
            ["WhatsApp:VerifyToken"] = VerifyToken,
            ["WhatsApp:AppSecret"] = AppSecret,
            // The PDF document after each invoice and receipt doubles the WhatsApp sends the other tests count; Messaging/PdfDocumentTests turns it on.
            ["Documents:WhatsAppPdf"] = "false",
            ["Mpesa:ConsumerKey"] = "test-consumer-key",
            ["Mpesa:ConsumerSecret"] = "test-consumer-secret",
            ["Mpesa:ShortCode"] = "174379",
            // Nothing listens on the discard port: a test that talks to Daraja points this at its fake.
            ["Mpesa:BaseUrl"] = "http://127.0.0.1:9",
            ["Mpesa:C2bEnabled"] = "true",
            ["Mpesa:C2bUrlToken"] = C2bUrlToken,
            // Required in Live mode once a test configures Africa's Talking; harmless before.
            ["AfricasTalking:CallbackToken"] = AfricasTalkingCallbacks.Token,
            // Tests about messaging turn it on and point the providers at loopback fakes.
            ["Outbox:Enabled"] = "false",
            // The daily job would take its lease with the real clock; retention tests run it themselves.
            ["Retention:Enabled"] = "false",
            ["Mpesa:Passkey"] = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919",
        };
        foreach (var (k, v) in Testing.Fakes.FakeInitiator.Shared.Settings) _settings[k] = v;
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) _settings[k] = v;
    }

    public string ConnectionString { get; }

    /// <summary>How long a checkout waits for a connection of a pool sized by <c>maxPoolSize</c>.</summary>
    public static readonly TimeSpan SmallPoolWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// A host over <paramref name="connectionString"/>, or over a database of its own, dropped when the host is
    /// disposed (unless <see cref="HandOverDatabase"/> gave it to the next host).
    /// </summary>
    /// <param name="maxPoolSize">
    /// PostgreSQL only: a pool of this many connections, and a checkout that gives up after <see cref="SmallPoolWait"/>,
    /// so a pool that deadlocks fails in seconds (Npgsql's default waits 15 s per checkout).
    /// </param>
    public static async Task<BotFactory> CreateAsync(IDictionary<string, string?>? settings = null, string? connectionString = null,
        int? maxPoolSize = null)
    {
        // An empty connection string means: no PostgreSQL, use the embedded SQLite file.
        var owns = connectionString is null;
        connectionString ??= (await TestDatabases.CreateAsync(Dialect.Postgres, "bot")).ConnectionString;
        if (maxPoolSize is { } size)
            connectionString = new Npgsql.NpgsqlConnectionStringBuilder(connectionString)
            {
                MaxPoolSize = size, Timeout = (int)SmallPoolWait.TotalSeconds,
            }.ConnectionString;
        var factory = new BotFactory(connectionString, settings, owns);
        _ = factory.Server; // start the host: migrations and the merchant seed run now
        return factory;
    }

    /// <summary>For a restart: a host started next over this database owns it; disposing this one leaves it in place.</summary>
    public string HandOverDatabase()
    {
        _ownsDatabase = false;
        return ConnectionString;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_ownsDatabase) return;
        _ownsDatabase = false;
        await (await Testing.Postgres.PostgresServer.SharedAsync()).DropDatabaseAsync(ConnectionString);
    }

    /// <summary>The same host on the embedded SQLite database (what a fresh clone runs).</summary>
    public static Task<BotFactory> CreateSqliteAsync(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["App:DataDirectory"] = Directory.CreateTempSubdirectory("invoicefirst-sqlite-").FullName,
        };
        return CreateAsync(all, connectionString: "");
    }

    public HttpClient ApiClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", ApiKey);
        return client;
    }

    /// <summary>A client that calls the API with <paramref name="key"/> (a merchant key, say).</summary>
    public HttpClient ClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    /// <summary>A new API key for the merchant, made with the operator's key.</summary>
    public async Task<string> NewMerchantKeyAsync(long merchantId)
    {
        using var api = ApiClient();
        var made = await (await api.PostAsync($"/merchants/{merchantId}/api-keys", null)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return made.GetProperty("key").GetString()!;
    }

    public Db Db => Services.GetRequiredService<Db>();

    /// <summary>As if <paramref name="msisdn"/> had written to the bot at <paramref name="at"/>: their 24-hour window is open.</summary>
    public async Task MarkCustomerWroteAsync(string msisdn, DateTimeOffset at)
    {
        const string sql = """
            INSERT INTO conversations (participant, state, version, last_inbound_at, updated_at) VALUES (@msisdn, 'Idle', 0, @at, @at)
            """;
        await using var c = await Db.OpenAsync(default);
        await Dapper.SqlMapper.ExecuteAsync(c, sql, new { msisdn, at });
    }

    /// <summary>Every stored event handled: nothing left pending (an event's effects commit with its DONE mark).</summary>
    public Task InboxDrainedAsync() => Payments.PaymentHarness.UntilAsync(async () =>
    {
        await using var c = await Db.OpenAsync(default);
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(c, "SELECT count(*) FROM inbox WHERE status = 'PENDING'") == 0 ? "done" : null;
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (k, v) in _settings) builder.UseSetting(k, v);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(_settings));
        builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, TestPeerAddress>());
        if (_settings.GetValueOrDefault(LogCapture.SettingKey) is { } captureKey)
            builder.ConfigureServices(s => s.AddSingleton<Serilog.Core.ILogEventSink>(LogCapture.For(captureKey)));
    }
}
