using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Outbox;
using InvoiceFirst.Testing.Fakes;
using Xunit.Abstractions;
using static InvoiceFirst.Integration.Tests.Messaging.MessagingHost;

namespace InvoiceFirst.Integration.Tests.Messaging;

/// <summary>
/// Many merchants on one number share its send rate: one merchant queuing 2,000 invoices at once
/// must not keep another merchant's single invoice waiting behind them.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class FairDispatchTests(ITestOutputHelper output)
{
    private const int Burst = 2000;
    private const string BurstPrefix = "2547100";
    private const string SingleRecipient = "254733000222";

    public static readonly TheoryData<string> Databases = new() { "postgres", "sqlite" };

    private static async Task<MessagingHost> StartAsync(string database, string? parallelism)
    {
        var settings = new Dictionary<string, string?>
        {
            ["WhatsApp:MessagesPerSecond"] = "80",
            ["Outbox:MaxParallelism"] = parallelism,
        };
        if (database == "postgres") return await MessagingHost.StartAsync(settings);
        settings["App:DataDirectory"] = Directory.CreateTempSubdirectory("invoicefirst-sqlite-").FullName;
        return await MessagingHost.StartAsync(settings, connectionString: "");
    }

    private static async Task QueueAsync(MessagingHost host, long merchantId, string key, IReadOnlyList<string> recipients)
    {
        var message = new OutboundMessage { Text = "Your invoice", Template = new TemplateMessage("invoice_v1", "en", []) };
        var now = DateTimeOffset.UtcNow;
        await host.Bot.Db.InTransactionAsync(async (c, t) =>
        {
            for (var i = 0; i < recipients.Count; i++)
                await OutboxRepository.EnqueueAsync(c, t, OutboxEntry.Due(recipients[i], OutboxPurpose.Invoice, message, $"{key}:{i}", now, merchantId), default);
        }, default);
        host.Bot.Services.GetRequiredService<OutboxSignal>().Notify();
    }

    /// <summary>A queues the burst; once its sends are under way B queues one. B's delay, and the burst's recipients in order of arrival.</summary>
    private async Task<(TimeSpan Delay, List<int> BurstByArrival)> BurstThenSingleAsync(MessagingHost host, string what)
    {
        var merchants = host.Bot.Services.GetRequiredService<MerchantRepository>();
        var a = (await merchants.CreateAsync("254700000201", "Burst Wholesale", "en", "ACTIVE", DateTimeOffset.UtcNow, default))!;
        var b = (await merchants.CreateAsync("254700000202", "Corner Salon", "en", "ACTIVE", DateTimeOffset.UtcNow, default))!;
        var burst = Enumerable.Range(0, Burst).Select(i => BurstPrefix + i.ToString("D5")).ToList();

        await QueueAsync(host, a.Id, "burst", burst);
        await host.Graph.Requests.WaitForAsync(80, TimeSpan.FromSeconds(10));
        var queuedAt = DateTimeOffset.UtcNow;
        await QueueAsync(host, b.Id, "single", [SingleRecipient]);
        var all = await host.Graph.Requests.WaitForAsync(Burst + 1, TimeSpan.FromSeconds(60));

        var delay = Assert.Single(all, r => To(r) == SingleRecipient).ReceivedAt - queuedAt;
        var position = burst.Select((to, i) => (to, i)).ToDictionary(p => p.to, p => p.i);
        var byArrival = all.Where(r => position.ContainsKey(To(r))).OrderBy(r => r.ReceivedAt).Select(r => position[To(r)]).ToList();
        output.WriteLine($"{what}: the single message arrived {delay.TotalMilliseconds:F0} ms after it was queued; {byArrival.Count} of the burst sent");
        Assert.Equal(Burst + 1, host.Graph.Requests.Count);
        return (delay, byArrival);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Dispatch_MerchantQueues2000ThenAnotherQueuesOne_TheOneArrivesWithin2SecondsAndTheBurstInOrder(string database)
    {
        // One send at a time: the provider sees exactly the order the queue hands out.
        await using var host = await StartAsync(database, "1");

        var (delay, burst) = await BurstThenSingleAsync(host, database);

        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.Equal(Enumerable.Range(0, Burst), burst);
    }

    [Fact]
    public async Task Dispatch_DefaultParallelism_TheOneArrivesWithin2SecondsAndTheBurstOnce()
    {
        // Half a second's worth of every provider's limit (55 sends in flight): they reach the provider
        // side by side, so only delivery and exactly-once are asserted here.
        await using var host = await StartAsync("postgres", null);

        var (delay, burst) = await BurstThenSingleAsync(host, "postgres, default parallelism");

        Assert.InRange(delay, TimeSpan.Zero, TimeSpan.FromSeconds(2));
        Assert.Equal(Enumerable.Range(0, Burst), burst.Order());
    }
}
