using InvoiceFirst.Integration.Tests.Infrastructure;

namespace InvoiceFirst.Integration.Tests.Hosting;

public sealed class ObservabilityTests
{
    [Fact]
    public async Task DocsAndMetrics_AreServed()
    {
        await using var factory = await BotFactory.CreateAsync();
        using var client = factory.CreateClient();
        await client.GetAsync("/healthz");
        await new WhatsAppSender(factory).TextAsync(BotFactory.MerchantPhone, "help");

        var openApi = await client.GetStringAsync("/openapi/v1.json");
        var docs = await client.GetAsync("/docs");
        var metrics = await client.GetStringAsync("/metrics");

        Assert.Contains("\"/invoices\"", openApi);
        Assert.Contains("\"/whatsapp/webhook\"", openApi);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("http_requests_received_total", metrics);
        Assert.Contains("endpoint=\"/healthz\"", metrics);
        // Counters are per process and other tests post webhooks too: at least this one is counted.
        Assert.Matches("invoicefirst_webhook_events_total\\{provider=\"whatsapp\",outcome=\"stored\"\\} [1-9]", metrics);
        Assert.Contains("invoicefirst_outbox_depth", metrics);
    }
}
