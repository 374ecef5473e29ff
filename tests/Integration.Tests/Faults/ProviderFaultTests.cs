using System.Text.Json;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Integration.Tests.Messaging;
using InvoiceFirst.Testing.Fakes;
using static InvoiceFirst.Integration.Tests.Messaging.MessagingHost;

namespace InvoiceFirst.Integration.Tests.Faults;

/// <summary>
/// Each messaging provider answering slowly, with 5xx, with malformed JSON, or timing out after it
/// accepted the request: the customer's invoice goes out on that provider once (or, failing, once on
/// the next one), the breaker opens on a fault and closes after a good trial send, and
/// <c>/providers/health</c> says so at each step.
/// </summary>
[Collection(MessagingCollection.Name)]
public sealed class ProviderFaultTests
{
    public enum Fault { Slow, ServerError, MalformedJson, TimeoutAfterAccepting }

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private const string SecondCustomer = "254712000002";

    public static TheoryData<string, Fault> Matrix()
    {
        var data = new TheoryData<string, Fault>();
        foreach (var provider in new[] { "whatsapp", "africastalking", "twilio" })
            foreach (var fault in Enum.GetValues<Fault>())
                data.Add(provider, fault);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Send_ProviderFaulty_OneSendFallbackOnceBreakerOpensAndClosesHealthTrue(string provider, Fault fault)
    {
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["WhatsApp:InvoiceTemplate"] = "invoice_v1",
            // Twilio first when it is the one under test, so that Africa's Talking is its fallback.
            ["Sms:Providers"] = provider == "twilio" ? "Twilio,AfricasTalking" : "AfricasTalking,Twilio",
            ["WhatsApp:TimeoutSeconds"] = "2",
            ["AfricasTalking:TimeoutSeconds"] = "2",
            ["Twilio:TimeoutSeconds"] = "2",
            ["Outbox:MaxAttemptsPerProvider"] = "2",
            ["Outbox:BreakerFailures"] = "1",
            // Long enough that a loaded machine still reads "open" before it passes.
            ["Outbox:BreakerCooldown"] = "00:00:04",
            // The cool-down is watched through /providers/health every 50 ms, which on a loaded box passed the
            // per-key API limit (120 a minute) and failed the test with a 429 that is not what it is about.
            ["Api:PermitLimit"] = "100000",
        });
        var (faulty, fallback, idle) = Fakes(host, provider);

        RouteToProviderUnderTest(host, provider, Customer);
        Script(host, provider, fault, Customer);
        await host.SendWhatsAppAsync(BotFactory.MerchantPhone, Command);
        var first = await SentRowAsync(host, Customer);

        Assert.Equal(1, faulty.All.Count(r => ToCustomer(r, Customer)));
        Assert.Equal(fault == Fault.Slow ? 0 : 1, fallback.All.Count(r => ToCustomer(r, Customer)));
        Assert.Equal(0, idle?.Count ?? 0);
        Assert.Equal(fault == Fault.Slow ? provider : FallbackOf(provider), first.Provider);
        Assert.Equal(InvoiceStatus.Sent, (await host.InvoiceAsync()).Status);

        var health = await HealthAsync(host, provider);
        if (fault == Fault.Slow)
        {
            Assert.Equal(("healthy", "closed", 1.0), (health.Status, health.Breaker, health.SuccessRate));
            // Timers may fire a millisecond early; a healthy loopback answer takes a few ms.
            Assert.True(health.LatencyP95Ms >= 450, $"p95 {health.LatencyP95Ms} ms for a provider that took 0.5 s");
        }
        else
        {
            Assert.Equal(("down", "open", 0.0), (health.Status, health.Breaker, health.SuccessRate));
            await MessagingHost.UntilAsync(async () => (await HealthAsync(host, provider)).Breaker == "halfopen", "cool-down over", Deadline.TotalSeconds);
            Assert.Equal("degraded", (await HealthAsync(host, provider)).Status);
        }
        Assert.Equal("healthy", (await HealthAsync(host, FallbackOf(provider))).Status);

        // The next invoice is the trial send; the provider answers normally and the breaker closes.
        RouteToProviderUnderTest(host, provider, SecondCustomer);
        await host.SendWhatsAppAsync(BotFactory.MerchantPhone, "invoice 0712000002 900 Logo");
        var second = await SentRowAsync(host, SecondCustomer);

        await MessagingHost.UntilAsync(async () => (await host.OutboxAsync()).All(o => o.Status != OutboxStatus.Pending && o.Status != OutboxStatus.Sending),
            "outbox idle", Deadline.TotalSeconds);

        var after = await HealthAsync(host, provider);
        Assert.Equal(provider, second.Provider);
        Assert.Equal(1, faulty.All.Count(r => ToCustomer(r, SecondCustomer)));
        Assert.Equal(1, faulty.All.Count(r => ToCustomer(r, Customer)));
        // The provider's own view: every request it answered normally is a success, the scripted fault is not.
        var answered = faulty.Count;
        var rate = (answered - (fault == Fault.Slow ? 0 : 1)) / (double)answered;
        Assert.Equal(("closed", 0, answered), (after.Breaker, after.ConsecutiveFailures, after.Samples));
        Assert.Equal(rate, after.SuccessRate!.Value, 3);
        Assert.Equal(rate < 0.9 ? "degraded" : "healthy", after.Status);
    }

    private static (RequestLog Faulty, RequestLog Fallback, RequestLog? OtherSms) Fakes(MessagingHost host, string provider) => provider switch
    {
        "whatsapp" => (host.Graph.Requests, host.AfricasTalking.Requests, host.Twilio.Requests),
        "africastalking" => (host.AfricasTalking.Requests, host.Twilio.Requests, null),
        _ => (host.Twilio.Requests, host.AfricasTalking.Requests, null),
    };

    private static string FallbackOf(string provider) => provider == "africastalking" ? "twilio" : "africastalking";

    /// <summary>For an SMS provider under test, WhatsApp cannot reach the customer (131026), so SMS is the way.</summary>
    private static void RouteToProviderUnderTest(MessagingHost host, string provider, string customer)
    {
        if (provider != "whatsapp") host.Graph.EnqueueError(131026, forRequest: r => ToCustomer(r, customer));
    }

    private static void Script(MessagingHost host, string provider, Fault fault, string customer)
    {
        var success = provider == "whatsapp" ? 200 : 201;
        var response = fault switch
        {
            Fault.Slow => new ScriptedResponse(success, Delay: TimeSpan.FromSeconds(0.5)),
            Fault.ServerError => new ScriptedResponse(503, "<html>Service Unavailable</html>", "text/html"),
            Fault.MalformedJson => new ScriptedResponse(success, """{"messages":[{"id":"""),
            _ => new ScriptedResponse(success, Delay: TimeSpan.FromSeconds(10)),
        } with { For = r => ToCustomer(r, customer) };
        switch (provider)
        {
            case "whatsapp": host.Graph.Enqueue(response); break;
            case "africastalking": host.AfricasTalking.Enqueue(response); break;
            default: host.Twilio.Enqueue(response); break;
        }
    }

    private static async Task<OutboxEntry> SentRowAsync(MessagingHost host, string customer)
    {
        await MessagingHost.UntilAsync(async () => (await host.OutboxAsync()).Any(o => o.Recipient == customer && o.Status == OutboxStatus.Sent),
            "invoice message to " + customer + " sent", Deadline.TotalSeconds);
        return (await host.OutboxAsync()).Single(o => o.Recipient == customer);
    }

    /// <summary>The customer this request was for, in each provider's wire format.</summary>
    private static bool ToCustomer(RecordedRequest r, string customer) =>
        (r.Form.GetValueOrDefault("to") ?? r.Form.GetValueOrDefault("To") ?? (r.Body.StartsWith('{') ? TryTo(r) : ""))
            .TrimStart('+') == customer;

    private static string TryTo(RecordedRequest r)
    {
        try { return To(r); }
        catch (JsonException) { return ""; }
    }

    private sealed record Health(string Status, string Breaker, int Samples, double? SuccessRate, double? LatencyP95Ms, int ConsecutiveFailures);

    private static async Task<Health> HealthAsync(MessagingHost host, string provider)
    {
        using var api = host.Bot.ApiClient();
        var p = (await api.GetFromJsonAsync<JsonElement>("/providers/health")).GetProperty("providers").EnumerateArray()
            .Single(e => e.GetProperty("provider").GetString() == provider);
        double? Number(string name) => p.GetProperty(name).ValueKind == JsonValueKind.Number ? p.GetProperty(name).GetDouble() : null;
        return new Health(p.GetProperty("status").GetString()!, p.GetProperty("breaker").GetString()!, p.GetProperty("samples").GetInt32(),
            Number("success_rate"), Number("latency_p95_ms"), p.GetProperty("consecutive_failures").GetInt32());
    }
}
