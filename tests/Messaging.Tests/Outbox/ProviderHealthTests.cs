using InvoiceFirst.Messaging.Channels;
using InvoiceFirst.Messaging.Outbox;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace InvoiceFirst.Messaging.Tests.Outbox;

/// <summary>
/// The breaker each provider's sends pass (Polly's), read back through <see cref="ProviderHealth"/>
/// the way the outbox and <c>/providers/health</c> read it. Polly's breaker keeps real time, so the
/// cool-downs here are short and waits poll rather than assume.
/// </summary>
public sealed class ProviderHealthTests
{
    private const string Provider = "whatsapp";
    private static readonly SendResult Accepted = SendResult.Accepted("wamid.1");
    private static readonly SendResult RetryLater = SendResult.RetryLater("503", "busy");

    private static ProviderHealth Health(int failures, TimeSpan cooldown) =>
        new(Options.Create(new OutboxOptions { BreakerFailures = failures, BreakerCooldown = cooldown }));

    /// <summary>One send as the outbox makes it: through the breaker, then into the health window.</summary>
    private static async Task<SendResult> SendAsync(ProviderHealth health, SendResult answer)
    {
        var result = await health.ExecuteAsync(Provider, () => Task.FromResult(answer));
        health.Record(Provider, result.Outcome, TimeSpan.FromMilliseconds(100));
        return result;
    }

    private static ProviderHealthReport Report(ProviderHealth health) => Assert.Single(health.Report([Provider]));

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(20);
        }
    }

    [Fact]
    public void Report_NoSendsYet_HealthyClosedAndNoFigures()
    {
        var report = Report(Health(5, TimeSpan.FromSeconds(30)));

        Assert.Equal(new ProviderHealthReport(Provider, "healthy", "closed", 0, null, null, null, 0), report);
    }

    [Fact]
    public async Task ExecuteAsync_BreakerFailuresInARow_OpensAndRefusesWithoutCalling()
    {
        var health = Health(3, TimeSpan.FromSeconds(30));
        await SendAsync(health, RetryLater);
        await SendAsync(health, SendResult.Unknown("timeout", "no answer"));
        Assert.Equal(("degraded", "closed", 2), (Report(health).Status, Report(health).Breaker, Report(health).ConsecutiveFailures));
        Assert.False(health.IsOpen(Provider));

        await SendAsync(health, RetryLater);

        var called = false;
        await Assert.ThrowsAnyAsync<BrokenCircuitException>(() => health.ExecuteAsync(Provider, () =>
        {
            called = true;
            return Task.FromResult(Accepted);
        }));
        Assert.False(called);
        Assert.True(health.IsOpen(Provider));
        var report = Report(health);
        Assert.Equal(("down", "open", 3, 0.0, 3), (report.Status, report.Breaker, report.Samples, report.SuccessRate, report.ConsecutiveFailures));
    }

    [Fact]
    public async Task ExecuteAsync_SuccessOrUnreachableBetweenFailures_CountStartsAgain()
    {
        var health = Health(2, TimeSpan.FromSeconds(30));

        await SendAsync(health, RetryLater);
        await SendAsync(health, Accepted);
        await SendAsync(health, RetryLater);
        await SendAsync(health, SendResult.Unreachable("131026", "not on WhatsApp"));
        await SendAsync(health, RetryLater);
        await SendAsync(health, SendResult.ConfigurationError("401", "bad token"));
        await SendAsync(health, RetryLater);

        Assert.False(health.IsOpen(Provider));
        Assert.Equal(("closed", 1), (Report(health).Breaker, Report(health).ConsecutiveFailures));
    }

    [Fact]
    public async Task ExecuteAsync_RequestThrows_PassesThroughUncounted()
    {
        var health = Health(1, TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            health.ExecuteAsync(Provider, () => Task.FromException<SendResult>(new InvalidOperationException())));

        Assert.False(health.IsOpen(Provider));
        Assert.Equal("closed", Report(health).Breaker);
    }

    [Fact]
    public async Task ExecuteAsync_TrialAbandonedWithAnException_AnotherTrialAfterTheNextCooldown()
    {
        // The hand-written breaker this replaced kept such a trial "in flight" for good and skipped the provider until a restart.
        var health = Health(1, TimeSpan.FromSeconds(1));
        await SendAsync(health, RetryLater);
        await UntilAsync(() => Report(health).Breaker == "halfopen");

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            health.ExecuteAsync(Provider, () => Task.FromException<SendResult>(new InvalidOperationException())));

        Assert.Equal("halfopen", Report(health).Breaker);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        SendResult? trial = null;
        while (trial is null)
        {
            try { trial = await SendAsync(health, Accepted); }
            catch (BrokenCircuitException) when (DateTime.UtcNow < deadline) { await Task.Delay(50); }
        }
        Assert.Equal(("closed", "degraded"), (Report(health).Breaker, Report(health).Status));
    }

    [Fact]
    public async Task ExecuteAsync_AfterCooldown_HalfOpenOneTrialAtATimeThenClosesOnSuccess()
    {
        var health = Health(1, TimeSpan.FromSeconds(1));
        await SendAsync(health, RetryLater);

        await UntilAsync(() => Report(health).Breaker == "halfopen");
        Assert.False(health.IsOpen(Provider));
        Assert.Equal("degraded", Report(health).Status);

        var answer = new TaskCompletionSource<SendResult>();
        var trial = health.ExecuteAsync(Provider, () => answer.Task);
        await Assert.ThrowsAnyAsync<BrokenCircuitException>(() => health.ExecuteAsync(Provider, () => Task.FromResult(Accepted)));
        answer.SetResult(Accepted);
        health.Record(Provider, (await trial).Outcome, TimeSpan.FromMilliseconds(100));

        var report = Report(health);
        Assert.Equal(("closed", 0, 2, 0.5), (report.Breaker, report.ConsecutiveFailures, report.Samples, report.SuccessRate));
        Assert.Equal("degraded", report.Status);
        Assert.Equal(Accepted, await SendAsync(health, Accepted));
    }

    [Fact]
    public async Task ExecuteAsync_TrialFails_OpensAgainForAnotherCooldown()
    {
        var health = Health(1, TimeSpan.FromSeconds(2));
        await SendAsync(health, RetryLater);
        await UntilAsync(() => Report(health).Breaker == "halfopen");

        await SendAsync(health, SendResult.Unknown("timeout", "no answer"));

        Assert.Equal(("down", "open"), (Report(health).Status, Report(health).Breaker));
        await UntilAsync(() => Report(health).Breaker == "halfopen");
    }

    [Fact]
    public async Task Report_ProvidersSeenAndConfigured_EachOwnBreakerInNameOrder()
    {
        var health = Health(1, TimeSpan.FromSeconds(30));
        await SendAsync(health, RetryLater);

        var reports = health.Report(["twilio", "africastalking"]);

        Assert.Equal(["africastalking", "twilio", Provider], reports.Select(r => r.Provider));
        Assert.Equal(["closed", "closed", "open"], reports.Select(r => r.Breaker));
    }
}
