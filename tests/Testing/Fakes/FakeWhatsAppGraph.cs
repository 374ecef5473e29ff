using System.Text.Json.Nodes;

namespace InvoiceFirst.Testing.Fakes;

/// <summary>Meta Graph <c>POST /{version}/{phoneNumberId}/messages</c> on loopback; success with a fresh wamid by default.</summary>
public sealed class FakeWhatsAppGraph : IAsyncDisposable
{
    private readonly LoopbackServer server;

    private FakeWhatsAppGraph(LoopbackServer server) => this.server = server;

    public string BaseUrl => server.BaseUrl;

    public RequestLog Requests => server.Requests;

    /// <summary>Answers the next request with <paramref name="response"/> (its status, body, delay, headers).</summary>
    public void Enqueue(ScriptedResponse response) => server.Enqueue(response);

    public static async Task<FakeWhatsAppGraph> StartAsync() =>
        new(await LoopbackServer.StartAsync("/{version}/{phoneNumberId}/messages", 200, SuccessBody));

    public static string NewWamid() =>
        "wamid." + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=');

    public void EnqueueSuccess(string wamid) =>
        server.Enqueue(new ScriptedResponse(200, SuccessJson("254700000000", wamid)));

    /// <summary>A Graph error body like spec 1.9 with <paramref name="code"/> (HTTP status is not per-code documented).</summary>
    public void EnqueueError(int code, int httpStatus = 400, IReadOnlyDictionary<string, string>? headers = null)
    {
        var body = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = $"(#{code}) scripted error",
                ["type"] = "OAuthException",
                ["code"] = code,
                ["error_data"] = new JsonObject { ["messaging_product"] = "whatsapp", ["details"] = "scripted" },
                ["fbtrace_id"] = "Afake" + Guid.NewGuid().ToString("N")[..12],
            },
        };
        server.Enqueue(new ScriptedResponse(httpStatus, body.ToJsonString(), Headers: headers));
    }

    public void EnqueueStatus(int httpStatus, string body = "", string contentType = "text/plain") =>
        server.Enqueue(new ScriptedResponse(httpStatus, body, contentType));

    /// <summary>Accepts the request, then answers success only after <paramref name="delay"/>.</summary>
    public void EnqueueDelay(TimeSpan delay) => server.Enqueue(new ScriptedResponse(200, Delay: delay));

    private static string SuccessBody(RecordedRequest request)
    {
        string to;
        try { to = request.Json["to"]?.GetValue<string>() ?? ""; }
        catch (System.Text.Json.JsonException) { to = ""; }
        return SuccessJson(to, NewWamid());
    }

    private static string SuccessJson(string to, string wamid) => new JsonObject
    {
        ["messaging_product"] = "whatsapp",
        ["contacts"] = new JsonArray(new JsonObject { ["input"] = to, ["wa_id"] = to }),
        ["messages"] = new JsonArray(new JsonObject { ["id"] = wamid, ["message_status"] = "accepted" }),
    }.ToJsonString();

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
