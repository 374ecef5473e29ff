using System.Collections.Concurrent;
using System.Globalization;
using Dapper;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Messaging;
using InvoiceFirst.Testing.Fakes;
using InvoiceFirst.Testing.Postgres;
using Xunit.Abstractions;
using static InvoiceFirst.Integration.Tests.Messaging.MessagingHost;

namespace InvoiceFirst.Integration.Tests.Faults;

/// <summary>
/// PostgreSQL stopped in the middle of a stream of merchant commands: webhooks answer 503 (never 200)
/// while it is down and <c>/readyz</c> says so; the sender retries what was not acknowledged, as Meta
/// does; once PostgreSQL is back the same host drains everything: one invoice per command, each
/// message sent once.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private const int Commands = 60;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Webhooks_DatabaseStoppedMidStream_503ThenEverythingDrainsOnceWithoutRestart()
    {
        var server = await PostgresServer.StartNewAsync();
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["WhatsApp:InvoiceTemplate"] = "invoice_v1",
            ["Outbox:MaxParallelism"] = "4",
            ["Chat:PerSenderPermitLimit"] = "1000",
        }, await server.CreateDatabaseAsync("outage"));
        using var client = host.Bot.CreateClient();
        var bodies = Enumerable.Range(0, Commands).Select(Command).ToList();
        var acknowledged = new ConcurrentDictionary<int, bool>();
        var down = false;
        var refusedWhileDown = 0;
        var okWhileDown = 0;

        // The sender: a steady stream; anything not answered 200 goes to the back of the queue, like Meta's retries.
        var sender = Task.Run(async () =>
        {
            var queue = new Queue<int>(Enumerable.Range(0, Commands));
            while (queue.TryDequeue(out var n))
            {
                var sentWhileDown = Volatile.Read(ref down);
                var status = await PostAsync(host, bodies[n]);
                var answeredWhileDown = Volatile.Read(ref down);
                if (status == HttpStatusCode.OK)
                {
                    acknowledged[n] = true;
                    if (sentWhileDown && answeredWhileDown) Interlocked.Increment(ref okWhileDown);
                }
                else
                {
                    if (sentWhileDown && answeredWhileDown && status == HttpStatusCode.ServiceUnavailable) Interlocked.Increment(ref refusedWhileDown);
                    queue.Enqueue(n);
                }
                await Task.Delay(20); // pacing of the stream, not a wait for an outcome
            }
        });

        await Eventually.UntilAsync(() => Task.FromResult(acknowledged.Count), n => n >= Commands / 3, Deadline, "a third acknowledged");
        await server.StopAsync();
        Volatile.Write(ref down, true);
        var outage = System.Diagnostics.Stopwatch.StartNew();
        var readyWhileDown = await client.GetAsync("/readyz");
        // The outage lasts a few seconds and until the sender has met it ten times.
        await Eventually.UntilAsync(() => Task.FromResult(Volatile.Read(ref refusedWhileDown)), n => n >= 10 && outage.Elapsed >= TimeSpan.FromSeconds(3),
            Deadline, "ten webhooks refused");
        Volatile.Write(ref down, false);
        outage.Stop();
        await server.StartAgainAsync();

        await sender.WaitAsync(Deadline);
        await Eventually.UntilAsync(async () => Summary(await host.OutboxAsync()), s => s == $"{2 * Commands} SENT", Deadline, "every message sent");
        await new WhatsAppSender(host.Bot).DrainAsync();
        output.WriteLine($"{Commands} commands, outage {outage.Elapsed.TotalSeconds:F1} s, {refusedWhileDown} webhooks refused during it, {host.Graph.Requests.Count} sends");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyWhileDown.StatusCode);
        // Ready again without a restart; on the way it may say 503 (a pooled connection the server dropped), never 500.
        var readyAfter = new List<HttpStatusCode>();
        await Eventually.UntilAsync(async () => { readyAfter.Add((await client.GetAsync("/readyz")).StatusCode); return readyAfter[^1]; },
            status => status == HttpStatusCode.OK, Deadline, "/readyz 200");
        Assert.All(readyAfter, status => Assert.Contains(status, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        Assert.Equal(0, okWhileDown);
        await using var c = await host.Bot.Db.OpenAsync(default);
        var invoices = (await c.QueryAsync<(string Msisdn, long AmountCents)>("SELECT msisdn, amount_cents FROM invoices")).ToList();
        Assert.Equal(Enumerable.Range(0, Commands).Select(n => (Customer(n), Shillings(n) * 100L)).Order(), invoices.Order());
        Assert.Equal(0, await c.ExecuteScalarAsync<long>("SELECT count(*) FROM inbox WHERE status <> 'DONE'"));
        var sent = host.Graph.Requests.All.Select(To).ToList();
        Assert.All(Enumerable.Range(0, Commands), n => Assert.Single(sent, to => to == Customer(n)));
        Assert.Equal(Commands, sent.Count(to => to == BotFactory.MerchantPhone));
        Assert.Equal(0, host.AfricasTalking.Requests.Count + host.Twilio.Requests.Count);
    }

    private static string Summary(IReadOnlyList<OutboxEntry> rows) =>
        string.Join(", ", rows.GroupBy(r => (r.Status, r.TriedProviders, r.LastError)).OrderByDescending(g => g.Count())
            .Select(g => g.Key.Status == OutboxStatus.Sent && g.Key.TriedProviders == "" && g.Key.LastError is null
                ? $"{g.Count()} SENT" : $"{g.Count()} {g.Key.Status} tried '{g.Key.TriedProviders}' error {g.Key.LastError}"));

    private static string Customer(int n) => "2547120" + n.ToString("D5", CultureInfo.InvariantCulture);

    private static int Shillings(int n) => 100 + n;

    private static byte[] Command(int n) => WebhookBuilders.Bytes(WebhookBuilders.Envelope([WebhookBuilders.TextMessage(
        BotFactory.MerchantPhone, $"invoice 07120{n:D5} {Shillings(n)} Item {n}", "wamid.outage" + n.ToString("D5", CultureInfo.InvariantCulture))]));

    private static async Task<HttpStatusCode> PostAsync(MessagingHost host, byte[] body)
    {
        try
        {
            using var response = await host.PostSignedAsync(body);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0; // no answer: not acknowledged, so the sender tries again
        }
    }
}
