using System.Globalization;
using System.Text;
using Dapper;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Messaging.WhatsApp;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Messaging;

/// <summary>The real host with its dispatcher on, every provider pointed at a loopback fake.</summary>
public sealed class MessagingHost : IAsyncDisposable
{
    public const string Customer = "254712345678";
    public const string Command = "invoice 0712345678 1500 Website design";

    private MessagingHost(BotFactory bot, FakeWhatsAppGraph graph, FakeAfricasTalking at, FakeTwilio twilio, Dictionary<string, string?> settings)
    {
        Bot = bot;
        Graph = graph;
        AfricasTalking = at;
        Twilio = twilio;
        Settings = settings;
    }

    public BotFactory Bot { get; private set; }
    public FakeWhatsAppGraph Graph { get; }
    public FakeAfricasTalking AfricasTalking { get; }
    public FakeTwilio Twilio { get; }
    public Dictionary<string, string?> Settings { get; }

    /// <param name="settings">Added to (and overriding) the defaults: one send at a time, so scripted answers meet the row they are meant for.</param>
    /// <param name="connectionString">A database of the test's own (e.g. on a cluster it stops); default a fresh one on the shared server.</param>
    public static async Task<MessagingHost> StartAsync(IDictionary<string, string?>? settings = null, string? connectionString = null)
    {
        var graph = await FakeWhatsAppGraph.StartAsync();
        var at = await FakeAfricasTalking.StartAsync();
        var twilio = await FakeTwilio.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["Outbox:Enabled"] = "true",
            ["Outbox:MaxParallelism"] = "1",
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:RetryBaseDelay"] = "00:00:00.050",
            ["Outbox:UnknownOutcomeWait"] = "00:00:00.500",
            ["WhatsApp:BaseUrl"] = graph.BaseUrl,
            ["AfricasTalking:BaseUrl"] = at.BaseUrl,
            ["AfricasTalking:Username"] = "sandbox",
            ["AfricasTalking:ApiKey"] = "test-at-key",
            ["Twilio:BaseUrl"] = twilio.BaseUrl,
            ["Twilio:AccountSid"] = "ACtest",
            ["Twilio:AuthToken"] = TwilioToken,
            ["Twilio:SmsFrom"] = "+15005550006",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) all[k] = v;
        return new MessagingHost(await BotFactory.CreateAsync(all, connectionString), graph, at, twilio, all);
    }

    public const string TwilioToken = "test-twilio-token";

    /// <summary>Stops the host (gracefully) and starts a new one over the same database.</summary>
    public async Task RestartAsync()
    {
        var connection = Bot.HandOverDatabase();
        await Bot.DisposeAsync();
        Bot = await BotFactory.CreateAsync(Settings, connection);
    }

    public async Task<HttpResponseMessage> SendWhatsAppAsync(string from, string text, string? id = null)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var body = WebhookBuilders.Bytes(WebhookBuilders.Envelope(messages: [WebhookBuilders.TextMessage(from, text, id, now)]));
        return await PostSignedAsync(body);
    }

    public async Task<HttpResponseMessage> PostSignedAsync(byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        content.Headers.Add(WhatsAppSignature.HeaderName, WhatsAppSignature.Sign(body, BotFactory.AppSecret));
        return await Bot.CreateClient().PostAsync("/whatsapp/webhook", content);
    }

    public Task MarkCustomerWroteAsync(string msisdn, DateTimeOffset at) => Bot.MarkCustomerWroteAsync(msisdn, at);

    public async Task<Invoice> InvoiceAsync() => await TryInvoiceAsync() ?? throw new InvalidOperationException("no invoice yet");

    private async Task<Invoice?> TryInvoiceAsync()
    {
        await using var c = await Bot.Db.OpenAsync(default);
        var id = await c.QuerySingleOrDefaultAsync<string>("SELECT id FROM invoices ORDER BY created_at LIMIT 1");
        return id is null ? null : await Bot.Services.GetRequiredService<InvoiceRepository>().GetAsync(id, default);
    }

    public Task<IReadOnlyList<OutboxEntry>> OutboxAsync() => Bot.Services.GetRequiredService<OutboxRepository>().ListAsync(default);

    /// <summary>Polls until <paramref name="condition"/> holds; fails at the deadline.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Timed out waiting for: " + what);
            await Task.Delay(50);
        }
    }

    public Task UntilInvoiceAsync(InvoiceStatus status) =>
        UntilAsync(async () => (await TryInvoiceAsync())?.Status == status, "invoice " + status);

    public static string To(RecordedRequest r) => r.Json["to"]?.GetValue<string>() ?? "";

    public static string Stamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static FormUrlEncodedContent Form(IDictionary<string, string> fields) => new(fields);

    public static string Utf8(byte[] b) => Encoding.UTF8.GetString(b);

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Graph.DisposeAsync();
        await AfricasTalking.DisposeAsync();
        await Twilio.DisposeAsync();
    }
}
