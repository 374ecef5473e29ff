using System.Net.Http.Headers;
using System.Text.Json;
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
        var metrics = await factory.ApiClient().GetStringAsync("/metrics");

        Assert.Contains("\"/invoices\"", openApi);
        Assert.Contains("\"/whatsapp/webhook\"", openApi);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Contains("http_requests_received_total", metrics);
        Assert.Contains("endpoint=\"/healthz\"", metrics);
        // Counters are per process and other tests post webhooks too: at least this one is counted.
        Assert.Matches("invoicefirst_webhook_events_total\\{provider=\"whatsapp\",outcome=\"stored\"\\} [1-9]", metrics);
        Assert.Contains("invoicefirst_outbox_depth", metrics);
    }

    [Fact]
    public async Task Metrics_NoKeyOrWrongKey401_OperatorKey200()
    {
        await using var factory = await BotFactory.CreateAsync();

        var none = await ScrapeAsync(factory, null);
        var wrong = await ScrapeAsync(factory, BotFactory.ApiKey + "x");
        var right = await ScrapeAsync(factory, BotFactory.ApiKey);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("Bearer", none.Headers.WwwAuthenticate.ToString());
        Assert.DoesNotContain("http_requests_received_total", await none.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("http_requests_received_total", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_MetricsKeySet_ItAloneOpensMetrics()
    {
        await using var factory = await BotFactory.CreateAsync(new Dictionary<string, string?> { ["Metrics:Key"] = "scrape-key-for-prometheus" });

        var operatorKey = await ScrapeAsync(factory, BotFactory.ApiKey);
        var metricsKey = await ScrapeAsync(factory, "scrape-key-for-prometheus");
        var api = await factory.ApiClient().GetAsync("/stats/summary");

        Assert.Equal(HttpStatusCode.Unauthorized, operatorKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metricsKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task OpenApi_BearerSchemeDeclaredOnTheKeyedOperationsOnly()
    {
        await using var factory = await BotFactory.CreateAsync();

        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var root = document.RootElement;
        var paths = root.GetProperty("paths");

        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        foreach (var (path, method) in new[] { ("/invoices", "post"), ("/invoices/{id}", "get"), ("/payments/stk/initiate", "post"), ("/stats/summary", "get"),
                     ("/events", "get"), ("/reconciliation", "get") })
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            Assert.True(operation.TryGetProperty("security", out var security), $"{method} {path} has no security");
            Assert.True(security[0].TryGetProperty("Bearer", out _), $"{method} {path}: {security}");
            Assert.True(operation.GetProperty("responses").TryGetProperty("401", out _), $"{method} {path} has no 401");
            Assert.Contains("or a merchant key", operation.GetProperty("description").GetString());
        }
        foreach (var (path, method) in new[] { ("/merchants", "get"), ("/providers/health", "get"), ("/merchants/{id}/limits", "put"), ("/merchants/{id}/api-keys", "post") })
        {
            var operation = paths.GetProperty(path).GetProperty(method);
            Assert.Contains("operator's Api:Key only", operation.GetProperty("description").GetString());
            Assert.True(operation.GetProperty("responses").TryGetProperty("403", out _), $"{method} {path} has no 403");
        }
        foreach (var (path, method) in new[] { ("/healthz", "get"), ("/readyz", "get"), ("/whatsapp/webhook", "post"), ("/sms/inbound/{token}", "post") })
            Assert.False(paths.GetProperty(path).GetProperty(method).TryGetProperty("security", out _), $"{method} {path} has security");
    }

    [Fact]
    public async Task Docs_ScalarForThisApiWithoutAgentOrClientButtons()
    {
        await using var factory = await BotFactory.CreateAsync();

        var html = await factory.CreateClient().GetStringAsync("/docs");

        Assert.Contains("<title>InvoiceFirst API</title>", html);
        Assert.Contains("\"agent\":{\"disabled\":true}", html);
        Assert.Contains("\"mcp\":{\"disabled\":true}", html);
        Assert.Contains("\"hideClientButton\":true", html);
        Assert.Contains("\"showDeveloperTools\":\"never\"", html);
        Assert.Contains("\"preferredSecurityScheme\":[\"Bearer\"]", html);
        Assert.Contains("\"Bearer\":{\"token\":\"your-api-key\"}", html);
        Assert.DoesNotContain("persistAuth", html);
    }

    private static async Task<HttpResponseMessage> ScrapeAsync(BotFactory factory, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await factory.CreateClient().SendAsync(request);
    }
}
