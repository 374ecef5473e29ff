using Dapper;
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
    public async Task HealthzAndReadyz_Up_AnswerTheirStatusAsJsonAndNeverCached()
    {
        await using var factory = await BotFactory.CreateAsync();
        using var client = factory.CreateClient();

        using var live = await client.GetAsync("/healthz");
        using var ready = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("{\"status\":\"ok\"}", await live.Content.ReadAsStringAsync());
        Assert.Equal("application/json", live.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("{\"status\":\"ready\"}", await ready.Content.ReadAsStringAsync());
        Assert.True(ready.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Readyz_MigrationPending_Answers503ThenReadyOnceAppliedWithoutRestart()
    {
        await using var factory = await BotFactory.CreateAsync();
        using var client = factory.CreateClient();
        // As if a deploy shipped a migration this database has not had: the journal lacks the newest script.
        await using var connection = new Npgsql.NpgsqlConnection(factory.ConnectionString);
        var newest = await connection.QuerySingleAsync<(string ScriptName, DateTime Applied)>(
            "DELETE FROM schemaversions WHERE scriptname = (SELECT max(scriptname) FROM schemaversions) RETURNING scriptname, applied");

        using var pending = await client.GetAsync("/readyz");
        var body = await pending.Content.ReadAsStringAsync();
        await connection.ExecuteAsync("INSERT INTO schemaversions (scriptname, applied) VALUES (@ScriptName, @Applied)", new { newest.ScriptName, newest.Applied });
        using var applied = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, pending.StatusCode);
        Assert.Equal("{\"status\":\"unavailable\",\"reason\":\"migrations pending\"}", body);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
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
