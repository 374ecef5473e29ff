using InvoiceFirst.Integration.Tests.Faults.Chaos;
using Xunit.Abstractions;

namespace InvoiceFirst.Integration.Tests.Faults;

/// <summary>
/// The bot as a separate process, killed with SIGKILL at random moments while commands, taps,
/// STK callbacks and statuses flow in, restarted each time; after the last restart and a drain,
/// the checker holds every acknowledged webhook to exactly one effect. Scales by environment
/// (<c>CHAOS_EVENTS</c>, <c>CHAOS_KILLS</c>, <c>CHAOS_SEED</c>); the seed is printed to replay a run.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class CrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Bot_KilledAtRandomMomentsUnderMixedTraffic_EveryAcknowledgedWebhookTookEffectOnce()
    {
        var size = ChaosSize.FromEnvironment(events: 200, kills: 10);
        output.WriteLine($"seed {size.Seed}: {size.Events} events, {size.Kills} kills (replay with CHAOS_SEED={size.Seed})");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var world = await ChaosWorld.StartAsync(instances: 1);
        var started = clock.Elapsed;
        using var sender = new RetryingSender(world, size.DrainDeadline);
        var ledger = new ChaosLedger();
        var driver = new ChaosDriver(world, sender, ledger, size);

        // SIGKILL, then the same binary started again over the same database; webhooks keep coming meanwhile.
        await driver.RunAsync(_ => world.RestartAsync(0));
        var ran = clock.Elapsed;
        await driver.DrainAsync();
        output.WriteLine($"started {started.TotalSeconds:F0} s, traffic and kills {(ran - started).TotalSeconds:F0} s, drain {(clock.Elapsed - ran).TotalSeconds:F0} s");

        var report = await new ChaosChecker(world, ledger, sender).CheckAsync();
        output.WriteLine(report.ToString());
        Assert.True(report.Violations.Count == 0, report.ToString());
        Assert.True(report.Figures["kills"] >= Math.Min(size.Kills, 10), $"only {report.Figures["kills"]} kill points");
    }
}
