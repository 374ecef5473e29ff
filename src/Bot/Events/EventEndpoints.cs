using System.Globalization;
using System.Text.Json;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Bot.Invoices;
using InvoiceFirst.Data.Events;
using InvoiceFirst.Data.Merchants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Events;

public static class EventEndpoints
{
    private const int Batch = 100, MaxPage = 200;

    /// <summary>
    /// <c>GET /events</c>: Server-Sent Events read from the events table, so an event raised on any
    /// instance reaches subscribers of every instance. The table is polled briefly (no broker,
    /// works on SQLite too); <c>Last-Event-ID</c> resumes right after the last event seen. Asked for
    /// <c>application/json</c>, the same events come as one page instead. A merchant key reads its own
    /// merchant's events; the operator's, every event or those of <c>?merchant_id=</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events", ReadAsync).RequireApiKey().WithTags("Events")
            .WithSummary("Live events (text/event-stream), or with Accept: application/json a page of them after ?after= (limit ≤ 200).")
            .WithDescription("Here the operator's key without ?merchant_id= reads every merchant's events, and the provider events of no merchant.")
            .Produces<EventPage>(StatusCodes.Status200OK, "application/json", "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> ReadAsync(HttpContext http, long? after, int? limit, [FromQuery(Name = "merchant_id")] long? merchantId,
        EventRepository events, MerchantDirectory directory, MerchantRepository merchants, IOptions<EventStreamOptions> options,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        var (scope, refusal) = await directory.ReadScopeAsync(http, merchantId, ct);
        if (refusal is not null) return refusal;
        if (!WantsJson(http.Request))
        {
            // A merchant suspended while its stream is open loses it, as its key lost every other door.
            await StreamAsync(http, scope, events, options.Value, json.Value.SerializerOptions,
                async token => ApiCaller.Of(http).Merchant is not { } own || (await merchants.GetAsync(own.Id, token))?.Status == MerchantStatus.Active, ct);
            return Results.Empty;
        }
        var size = Math.Clamp(limit ?? 50, 1, MaxPage);
        var page = await events.ListAfterAsync(Math.Max(0, after ?? 0), size, scope, ct);
        return Results.Ok(new EventPage(page.Select(EventView.From).ToList(), page.Count == size ? page[^1].Id : null));
    }

    /// <summary>
    /// The stream itself, for the API and the dashboard alike: <paramref name="scope"/>'s events (every one when null) from
    /// <c>Last-Event-ID</c> on; at each keep-alive <paramref name="stillAllowed"/> decides whether the subscriber may go on.
    /// </summary>
    public static async Task StreamAsync(HttpContext http, long? scope, EventRepository events, EventStreamOptions o, JsonSerializerOptions json,
        Func<CancellationToken, Task<bool>> stillAllowed, CancellationToken ct)
    {
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
                var page = await events.ListAfterAsync(after, Batch, scope, ct);
                foreach (var e in page)
                {
                    var data = JsonSerializer.Serialize(EventView.From(e), json);
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
                    if (!await stillAllowed(ct)) return;
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

    /// <summary>JSON only when the client asks for it over an event stream: curl's */* and EventSource keep the stream.</summary>
    private static bool WantsJson(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        return accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            && !accept.Any(a => a.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase));
    }

    private static long? ResumeFrom(HttpRequest request)
    {
        var raw = request.Headers["Last-Event-ID"].ToString();
        if (raw.Length == 0) raw = request.Query["last_event_id"].ToString();
        return long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
