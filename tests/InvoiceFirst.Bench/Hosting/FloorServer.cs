using InvoiceFirst.Messaging.WhatsApp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InvoiceFirst.Bench.Hosting;

/// <summary>
/// The least work a webhook endpoint can do and still be correct: read the raw body, check the
/// same signature the bot checks, insert the body into one table of the same PostgreSQL, answer.
/// The bot's ingest figures are read as a ratio to this one.
/// </summary>
public sealed class FloorServer : IAsyncDisposable
{
    public const string Path = "/floor";

    private readonly WebApplication app;
    private readonly NpgsqlDataSource dataSource;

    private FloorServer(WebApplication app, NpgsqlDataSource dataSource, string baseUrl)
    {
        this.app = app;
        this.dataSource = dataSource;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<FloorServer> StartAsync(string connectionString, string appSecret)
    {
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var c = await dataSource.OpenConnectionAsync())
            await c.ExecuteAsync("CREATE TABLE floor_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, body bytea NOT NULL, received_at timestamptz NOT NULL)");

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost(Path, async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            var body = buffer.ToArray();
            if (!WhatsAppSignature.IsValid(body, http.Request.Headers[WhatsAppSignature.HeaderName], appSecret))
                return Results.StatusCode(StatusCodes.Status401Unauthorized);
            await using var c = await dataSource.OpenConnectionAsync(http.RequestAborted);
            await c.ExecuteAsync("INSERT INTO floor_events (body, received_at) VALUES (@body, now())", new { body });
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FloorServer(app, dataSource, address.TrimEnd('/'));
    }

    public async Task<long> StoredAsync()
    {
        await using var c = await dataSource.OpenConnectionAsync();
        return await c.ExecuteScalarAsync<long>("SELECT count(*) FROM floor_events");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await dataSource.DisposeAsync();
    }
}
