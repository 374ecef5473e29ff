using System.Globalization;
using System.Text.Json;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Events;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Events;

public static class EventEndpoints
{
    private const int Batch = 100;

    /// <summary>
    /// <c>GET /events</c>: Server-Sent Events read from the events table, so an event raised on any
    /// instance reaches subscribers of every instance. The table is polled briefly (no broker,
    /// works on SQLite too); <c>Last-Event-ID</c> resumes right after the last event seen.
    /// </summary>
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events", StreamAsync).RequireOperatorKey();
        return app;
    }

    private static async Task StreamAsync(HttpContext http, EventRepository events, IOptions<EventStreamOptions> options,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        var o = options.Value;
        var after = ResumeFrom(http.Request) ?? await events.LastIdAsync(ct);
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        // Proxies (Fly's included) must not buffer the stream.
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.WriteAsync($"retry: {o.RetryMilliseconds}\n\n", ct);
        await http.Response.Body.FlushAsync(ct);

        var quietSince = DateTime.UtcNow;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var page = await events.ListAfterAsync(after, Batch, ct);
                foreach (var e in page)
                {
                    var data = JsonSerializer.Serialize(EventView.From(e), json.Value.SerializerOptions);
                    await http.Response.WriteAsync($"id: {e.Id}\nevent: {e.Type}\ndata: {data}\n\n", ct);
                    after = e.Id;
                }
                if (page.Count > 0)
                {
                    await http.Response.Body.FlushAsync(ct);
                    quietSince = DateTime.UtcNow;
                    if (page.Count == Batch) continue;
                }
                else if (DateTime.UtcNow - quietSince > o.KeepAlive)
                {
                    // A comment line keeps idle connections from being cut by proxies.
                    await http.Response.WriteAsync(": keep-alive\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                    quietSince = DateTime.UtcNow;
                }
                await Task.Delay(o.Poll, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The subscriber went away.
        }
    }

    private static long? ResumeFrom(HttpRequest request)
    {
        var raw = request.Headers["Last-Event-ID"].ToString();
        if (raw.Length == 0) raw = request.Query["last_event_id"].ToString();
        return long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
