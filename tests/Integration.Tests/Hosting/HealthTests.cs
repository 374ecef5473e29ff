using InvoiceFirst.Data.Database;
using InvoiceFirst.Integration.Tests.Infrastructure;
using InvoiceFirst.Testing.Postgres;

namespace InvoiceFirst.Integration.Tests.Hosting;

public sealed class HealthTests
{
    [Fact]
    public async Task Readyz_DatabaseStoppedThenBack_Answers503ThenRecoversWithoutRestart()
    {
        var server = await PostgresServer.StartNewAsync();
        await using var factory = await BotFactory.CreateAsync(connectionString: await server.CreateDatabaseAsync("outage"));
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        await server.StopAsync();
        var down = await client.GetAsync("/readyz");
        var body = await down.Content.ReadAsStringAsync();
        await server.StartAgainAsync();
        var back = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Contains("database unreachable", body);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task AnyRequest_WithRequestId_EchoesIt()
    {
        await using var factory = await BotFactory.CreateAsync();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Add("X-Request-ID", "trace-42");

        var response = await client.SendAsync(request);
        var generated = await client.GetAsync("/healthz");

        Assert.Equal("trace-42", response.Headers.GetValues("X-Request-ID").Single());
        Assert.Matches("^[0-9a-f]{32}$", generated.Headers.GetValues("X-Request-ID").Single());
    }
}
