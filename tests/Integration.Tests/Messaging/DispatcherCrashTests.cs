using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Testing;
using InvoiceFirst.Testing.Fakes;
using Xunit.Abstractions;

namespace InvoiceFirst.Integration.Tests.Messaging;

/// <summary>The bot as a real process, killed with SIGKILL in the middle of a batch, then started again.</summary>
[Collection(MessagingCollection.Name)]
public sealed class DispatcherCrashTests(ITestOutputHelper output)
{
    private const int Count = 300;

    [Fact]
    public async Task Dispatcher_KilledMidBatchAndRestarted_LosesNothingAndSendsNothingTwice()
    {
        await using var graph = await FakeWhatsAppGraph.StartAsync();
        var target = await InvoiceFirst.Testing.TestDatabases.CreateAsync(Dialect.Postgres, "crash");
        var environment = Environment(target.ConnectionString, graph.BaseUrl);

        await using (var first = BotProcess.Start(environment))
        {
            await first.WaitForOkAsync("/readyz", TimeSpan.FromSeconds(60));
            await QueueAsync(target.ConnectionString);
            await graph.Requests.WaitForAsync(Count / 3, TimeSpan.FromSeconds(30));
        } // disposing kills the process tree: no graceful shutdown, in-flight sends are cut off

        var atKill = graph.Requests.Count;
        await using var second = BotProcess.Start(environment);
        await second.WaitForOkAsync("/readyz", TimeSpan.FromSeconds(60));
        var rows = await Eventually(target.ConnectionString);

        var received = graph.Requests.All.Select(MessagingHost.To).ToList();
        var unknown = rows.Where(r => r.Status == OutboxStatus.Dead).ToList();
        output.WriteLine($"killed after {atKill} sends; {received.Count} sends in all; {unknown.Count} rows flagged outcome-unknown");
        Assert.Equal(received.Count, received.Distinct().Count());               // nothing sent twice
        Assert.All(rows, r => Assert.Contains(r.Status, new[] { OutboxStatus.Sent, OutboxStatus.Dead }));
        Assert.All(rows.Where(r => r.Status == OutboxStatus.Sent), r => Assert.Contains(r.Recipient, received));
        Assert.All(unknown, r => Assert.Equal("outcome_unknown", r.LastError)); // never silently dropped
        Assert.InRange(unknown.Count, 0, 16);                                    // at most what was in flight
        Assert.True(atKill < Count, "the kill happened mid-batch");
    }

    private static Dictionary<string, string> Environment(string connectionString, string graphUrl) => new()
    {
        ["ConnectionStrings__Default"] = connectionString,
        ["Database__ForbidNestedConnections"] = "true",
        ["App__Mode"] = "Live",
        ["Api__Key"] = "k",
        ["Merchant__Phone"] = "0700000001",
        ["WhatsApp__BaseUrl"] = graphUrl,
        ["WhatsApp__PhoneNumberId"] = "106540352242922",
        ["WhatsApp__AccessToken"] = "t",
        ["WhatsApp__VerifyToken"] = "v",
        ["WhatsApp__AppSecret"] = "s",
        ["WhatsApp__MessagesPerSecond"] = "100",
        ["Mpesa__ConsumerKey"] = "ck",
        ["Mpesa__ConsumerSecret"] = "cs",
        ["Mpesa__ShortCode"] = "174379",
        ["Mpesa__Passkey"] = "pk",
        // Long enough that the restarted process never mistakes its own slow sends (a loaded CI box) for crashed ones.
        ["Outbox__Lease"] = "00:00:10",
        ["Outbox__MaxParallelism"] = "16",
        ["Outbox__UnknownOutcomeWait"] = "00:00:01",
        ["Outbox__PollInterval"] = "00:00:00.200",
    };

    private static async Task QueueAsync(string connectionString)
    {
        var now = DateTimeOffset.UtcNow;
        var payload = OutboxRepository.Serialize(new OutboundMessage { Text = "Your invoice", Template = new TemplateMessage("invoice_v1", "en", []) });
        await using var db = new Db(new DatabaseTarget(Dialect.Postgres, connectionString) { ForbidNestedConnections = true });
        await db.InTransactionAsync(async (c, t) =>
        {
            for (var i = 0; i < Count; i++)
                await OutboxRepository.EnqueueAsync(c, t, OutboxEntry.Due("2547" + (20000000 + i), OutboxPurpose.Notice,
                    OutboxRepository.Deserialize(payload), "crash:" + i, now), default);
        }, default);
    }

    private static async Task<List<OutboxEntry>> Eventually(string connectionString)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            await using var db = new Db(new DatabaseTarget(Dialect.Postgres, connectionString) { ForbidNestedConnections = true });
            var rows = (await db.InTransactionAsync(async (c, t) => (await c.QueryAsync<OutboxEntry>(
                "SELECT id, recipient, purpose, payload, status, last_error FROM outbox", transaction: t)).AsList(), default));
            if (rows.All(r => (r.Status == OutboxStatus.Sent || r.Status == OutboxStatus.Dead)) || DateTime.UtcNow > deadline) return rows;
            await Task.Delay(100);
        }
    }
}
