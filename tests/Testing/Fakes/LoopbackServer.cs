using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InvoiceFirst.Testing.Fakes;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a free port, recording every request and answering
/// from a script queue (or a default). The provider fakes are thin wrappers around it.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ScriptedResponse> script = new();

    private LoopbackServer(WebApplication app, string baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public RequestLog Requests { get; } = new();

    /// <summary>GET requests, kept apart so that counting sends is not thrown off by reads.</summary>
    public RequestLog Gets { get; } = new();

    public void Enqueue(ScriptedResponse response) => script.Enqueue(response);

    /// <param name="pattern">Route pattern for POST, e.g. <c>/{version}/{phoneNumberId}/messages</c>.</param>
    /// <param name="defaultBody">Success body for a request when the script gives none.</param>
    /// <param name="refuse">Checked before the script: an answer for a request the provider would refuse (a wrong token, say).</param>
    public static async Task<LoopbackServer> StartAsync(
        string pattern, int defaultStatus, Func<RecordedRequest, string> defaultBody, Func<RecordedRequest, ScriptedResponse?>? refuse = null,
        (string Pattern, Func<RecordedRequest, ScriptedResponse> Answer)? get = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        LoopbackServer? server = null;
        app.MapPost(pattern, (HttpContext context) => server!.HandleAsync(context, defaultStatus, defaultBody, refuse));
        if (get is { } read)
            app.MapGet(read.Pattern, async (HttpContext context) =>
            {
                var request = await RecordAsync(context.Request);
                server!.Gets.Add(request);
                var answer = read.Answer(request);
                context.Response.StatusCode = answer.Status;
                context.Response.ContentType = answer.ContentType;
                await context.Response.WriteAsync(answer.Body ?? "{}");
            });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new LoopbackServer(app, address.TrimEnd('/'));
        return server;
    }

    private async Task HandleAsync(HttpContext context, int defaultStatus, Func<RecordedRequest, string> defaultBody,
        Func<RecordedRequest, ScriptedResponse?>? refuse)
    {
        var request = await RecordAsync(context.Request);
        Requests.Add(request);
        var scripted = refuse?.Invoke(request) ?? Next(request) ?? new ScriptedResponse(defaultStatus);

        if (scripted.Delay > TimeSpan.Zero)
        {
            // The client gives up and closes the connection; stop waiting then.
            try { await Task.Delay(scripted.Delay, context.RequestAborted); }
            catch (OperationCanceledException) { return; }
        }

        context.Response.StatusCode = scripted.Status;
        context.Response.ContentType = scripted.ContentType;
        foreach (var (name, value) in scripted.Headers ?? new Dictionary<string, string>())
            context.Response.Headers[name] = value;
        await context.Response.WriteAsync(scripted.Body ?? defaultBody(request));
    }

    private ScriptedResponse? Next(RecordedRequest request)
    {
        lock (script)
            return script.TryPeek(out var next) && (next.For is null || next.For(request)) && script.TryDequeue(out next) ? next : null;
    }

    private static async Task<RecordedRequest> RecordAsync(HttpRequest request)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var raw = buffer.ToArray();
        var body = System.Text.Encoding.UTF8.GetString(raw);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var form = request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            ? QueryHelpers.ParseQuery(body).ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>();
        return new RecordedRequest(request.Method, request.Path.Value ?? "", headers, body, form, receivedAt, raw);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
