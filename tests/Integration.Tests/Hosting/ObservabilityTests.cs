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

        var openApi = await client.GetStringAsync("/openapi/v1.json");
        var docs = await client.GetAsync("/docs");
        var metrics = await client.GetStringAsync("/metrics");

        Assert.Contains("\"/invoices\"", openApi);
        Assert.Contains("\"/whatsapp/webhook\"", openApi);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("http_requests_received_total", metrics);
        Assert.Contains("endpoint=\"/healthz\"", metrics);
    }
}
