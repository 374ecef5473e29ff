using Dapper;
using InvoiceFirst.Integration.Tests.Faults.Chaos;
using InvoiceFirst.Testing.Fakes;
using Xunit.Abstractions;

namespace InvoiceFirst.Integration.Tests.Faults;

/// <summary>
/// Several bot processes on one PostgreSQL database behind a round-robin sender (each webhook,
/// and each retry, to the next instance): together they must behave as one.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class SeveralInstancesTests(ITestOutputHelper output)
{
    /// <summary>A reminder due the moment an invoice exists (its pay window is 7 days), with no quiet hours.</summary>
    private static readonly Dictionary<string, string> ReminderAtOnce = new()
    {
        ["Reminders__Enabled"] = "true",
        ["Reminders__Schedule"] = "-7d",
        ["Reminders__PollSeconds"] = "1",
        ["Reminders__QuietStartHour"] = "0",
        ["Reminders__QuietEndHour"] = "0",
    };

    [Fact]
    public async Task ThreeInstances_MixedTrafficWithOneKilledMidRun_CheckerPassesAndEachReminderGoesOnce()
    {
        var size = ChaosSize.FromEnvironment(events: 150, kills: 2);
        output.WriteLine($"seed {size.Seed}: {size.Events} events, {size.Kills} kills (replay with CHAOS_SEED={size.Seed})");
        await using var world = await ChaosWorld.StartAsync(instances: 3, ReminderAtOnce);
        using var sender = new RetryingSender(world, size.DrainDeadline);
        var ledger = new ChaosLedger();
        var driver = new ChaosDriver(world, sender, ledger, size);

        // One instance killed and started again; the other two carry the traffic meanwhile.
        await driver.RunAsync(rng => world.RestartAsync(rng.Next(world.Instances)));
        await driver.DrainAsync();
        await ReminderJobsSettledAsync(world);

        var report = await new ChaosChecker(world, ledger, sender).CheckAsync();
        var reminders = await RemindersAsync(world);
        output.WriteLine(report + $"; reminders {reminders.Sum(r => r.Rows)} for {reminders.Count} invoices");
        Assert.True(report.Violations.Count == 0, report.ToString());
        Assert.NotEmpty(reminders);
        Assert.All(reminders, r => Assert.True(r.Rows == 1 && r.Runs == 1, $"invoice {r.InvoiceId}: {r.Rows} reminders, {r.Runs} runs"));
    }

    [Fact]
    public async Task GuidedFlow_StepsAlternatingInstances_EndsWithExactlyTheIntendedInvoices()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var world = await ChaosWorld.StartAsync(instances: 2);
        output.WriteLine($"started {clock.Elapsed.TotalSeconds:F0} s");
        using var sender = new RetryingSender(world, TimeSpan.FromSeconds(60));
        var ledger = new ChaosLedger();
        string[] names = ["Achieng Otieno", "Brian Kamau", "Chebet Koech", "David Mwangi"];
        var flows = names.Select((name, i) => (Phone: $"25472200000{i}", Name: name, Shillings: 1001L + i, Description: $"Guided job {i}")).ToList();

        foreach (var flow in flows)
        {
            string[] steps = ["new", "0" + flow.Phone[3..], flow.Name, $"Ksh {flow.Shillings}", flow.Description];
            for (var s = 0; s < steps.Length; s++)
                await SendInOrderAsync(sender, ledger, WebhookBuilders.TextMessage(ChaosWorld.MerchantPhone, steps[s], $"wamid.guided{flow.Phone}s{s}"));
            var confirm = WebhookBuilders.ButtonReply(ChaosWorld.MerchantPhone, "draft:send", "Send", $"wamid.guided{flow.Phone}send");
            await SendInOrderAsync(sender, ledger, confirm);
            ledger.Commands.Add(new ChaosLedger.Command($"wamid.guided{flow.Phone}send", flow.Description, flow.Phone, flow.Shillings));
        }
        output.WriteLine($"sent {clock.Elapsed.TotalSeconds:F0} s");
        await new ChaosDriver(world, sender, ledger, new ChaosSize(0, 0, 1)).DrainAsync();
        output.WriteLine($"drained {clock.Elapsed.TotalSeconds:F0} s");

        var report = await new ChaosChecker(world, ledger, sender).CheckAsync();
        output.WriteLine(report.ToString());
        Assert.True(report.Violations.Count == 0, report.ToString());
        await using var c = await world.Db.OpenAsync(default);
        var made = (await c.QueryAsync<string>("SELECT customer_name FROM invoices ORDER BY number")).ToList();
        Assert.Equal(names, made);
    }

    /// <summary>Each step acknowledged before the next is sent, as a person waits for the previous message to go.</summary>
    private static async Task SendInOrderAsync(RetryingSender sender, ChaosLedger ledger, System.Text.Json.Nodes.JsonObject message)
    {
        sender.Send(WebhookDelivery.WhatsApp("guided", WebhookBuilders.Envelope([message])), duplicate: false, () => Interlocked.Increment(ref ledger.Events));
        await sender.IdleAsync();
    }

    /// <summary>Every open invoice has had its reminder queued and the outbox is idle again.</summary>
    private static async Task ReminderJobsSettledAsync(ChaosWorld world)
    {
        const string sql = """
            SELECT (SELECT count(*) FROM invoices i WHERE i.status IN ('SENT', 'PARTIALLY_PAID')
                      AND NOT EXISTS (SELECT 1 FROM reminder_runs r WHERE r.invoice_id = i.id))
                 + (SELECT count(*) FROM outbox WHERE status IN ('PENDING', 'SENDING'))
            """;
        await Infrastructure.Eventually.UntilAsync(async () =>
        {
            await using var c = await world.Db.OpenAsync(default);
            return await c.ExecuteScalarAsync<long>(sql);
        }, busy => busy == 0, TimeSpan.FromSeconds(60), "every open invoice reminded and the outbox idle");
    }

    private static async Task<List<(string InvoiceId, long Rows, long Runs)>> RemindersAsync(ChaosWorld world)
    {
        const string sql = """
            SELECT r.invoice_id, (SELECT count(*) FROM outbox o WHERE o.invoice_id = r.invoice_id AND o.purpose = 'reminder'), count(*)
            FROM reminder_runs r GROUP BY r.invoice_id
            """;
        await using var c = await world.Db.OpenAsync(default);
        return (await c.QueryAsync<(string, long, long)>(sql)).AsList();
    }
}
