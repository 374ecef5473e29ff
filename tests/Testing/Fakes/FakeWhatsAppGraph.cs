using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace InvoiceFirst.Testing.Fakes;

/// <summary>
/// Meta Graph <c>POST /{version}/{phoneNumberId}/messages</c> on loopback, success with a fresh wamid by default; and
/// <c>/media</c> (a document's upload), answered with a fresh media id. Numbers made known with <see cref="AddNumber"/> are
/// checked as Meta does: each phone number id answers only to its own bearer token (else 401, code 190), and once any is
/// known, an unknown number id is refused (400, code 100). <c>GET /{version}/{phoneNumberId}</c> answers the number's fields.
/// </summary>
public sealed class FakeWhatsAppGraph : IAsyncDisposable
{
    private readonly LoopbackServer server;
    private readonly ConcurrentQueue<IssuedId> issued;
    private readonly ConcurrentQueue<IssuedId> media;
    private readonly ConcurrentDictionary<string, string> tokens;

    private FakeWhatsAppGraph(LoopbackServer server, ConcurrentQueue<IssuedId> issued, ConcurrentQueue<IssuedId> media,
        ConcurrentDictionary<string, string> tokens)
    {
        this.server = server;
        this.issued = issued;
        this.media = media;
        this.tokens = tokens;
    }

    /// <summary>A business number the fake serves, with the only token it accepts for it.</summary>
    public void AddNumber(string phoneNumberId, string accessToken) => tokens[phoneNumberId] = accessToken;

    /// <summary>The phone number id a request was sent from (<c>/{version}/{phoneNumberId}/…</c>).</summary>
    public static string FromNumber(RecordedRequest request) => request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 } parts
        ? parts[1] : "";

    /// <summary>The bearer token a request carried.</summary>
    public static string? Token(RecordedRequest request) =>
        request.Header("Authorization") is { } value && value.StartsWith("Bearer ", StringComparison.Ordinal) ? value["Bearer ".Length..] : null;

    public string BaseUrl => server.BaseUrl;

    public RequestLog Requests => server.Requests;

    /// <summary>Every wamid handed out by a default success answer, in order (scripted answers are not listed).</summary>
    public IReadOnlyList<IssuedId> Issued => [.. issued];

    /// <summary>Every media id handed out for an upload, in order.</summary>
    public IReadOnlyList<IssuedId> IssuedMedia => [.. media];

    /// <summary>Answers the next request with <paramref name="response"/> (its status, body, delay, headers).</summary>
    public void Enqueue(ScriptedResponse response) => server.Enqueue(response);

    public static async Task<FakeWhatsAppGraph> StartAsync()
    {
        var issued = new ConcurrentQueue<IssuedId>();
        var media = new ConcurrentQueue<IssuedId>();
        var tokens = new ConcurrentDictionary<string, string>();
        var server = await LoopbackServer.StartAsync("/{version}/{phoneNumberId}/{endpoint}", 200, request =>
        {
            if (IsMediaUpload(request))
            {
                var mediaId = "media-" + Guid.NewGuid().ToString("N")[..16];
                media.Enqueue(new IssuedId(request, mediaId));
                return new JsonObject { ["id"] = mediaId }.ToJsonString();
            }
            var wamid = NewWamid();
            issued.Enqueue(new IssuedId(request, wamid));
            return SuccessJson(To(request), wamid);
        }, request => Refusal(request, tokens), ("/{version}/{phoneNumberId}", request => Refusal(request, tokens) ?? NumberJson(request)));
        return new FakeWhatsAppGraph(server, issued, media, tokens);
    }

    /// <summary>GET of a number (an operator's check before saving it), checked like a send.</summary>
    public RequestLog NumberChecks => server.Gets;

    private static ScriptedResponse NumberJson(RecordedRequest request) => new(200, new JsonObject
    {
        ["display_phone_number"] = "+254 711 000 000",
        ["verified_name"] = "Fake Business",
        ["id"] = FromNumber(request),
    }.ToJsonString());

    private static ScriptedResponse? Refusal(RecordedRequest request, ConcurrentDictionary<string, string> tokens)
    {
        if (tokens.IsEmpty) return null;
        if (!tokens.TryGetValue(FromNumber(request), out var token))
            return new ScriptedResponse(400, ErrorJson(100, "Unsupported post request. Object does not exist"));
        return Token(request) == token ? null : new ScriptedResponse(401, ErrorJson(190, "Invalid OAuth access token"));
    }

    /// <summary>Uploads to <c>/media</c> (multipart: the file, its type and messaging_product), in order.</summary>
    public IReadOnlyList<RecordedRequest> MediaUploads => [.. Requests.All.Where(IsMediaUpload)];

    public static bool IsMediaUpload(RecordedRequest request) => request.Path.EndsWith("/media", StringComparison.Ordinal);

    public static string NewWamid() =>
        "wamid." + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=');

    public void EnqueueSuccess(string wamid) =>
        server.Enqueue(new ScriptedResponse(200, SuccessJson("254700000000", wamid)));

    /// <summary>A Graph error body like spec 1.9 with <paramref name="code"/> (HTTP status is not per-code documented).</summary>
    public void EnqueueError(int code, int httpStatus = 400, IReadOnlyDictionary<string, string>? headers = null,
        Func<RecordedRequest, bool>? forRequest = null) =>
        server.Enqueue(new ScriptedResponse(httpStatus, ErrorJson(code, "scripted error"), Headers: headers, For: forRequest));

    private static string ErrorJson(int code, string message) => new JsonObject
    {
        ["error"] = new JsonObject
        {
            ["message"] = $"(#{code}) {message}",
            ["type"] = "OAuthException",
            ["code"] = code,
            ["error_data"] = new JsonObject { ["messaging_product"] = "whatsapp", ["details"] = "scripted" },
            ["fbtrace_id"] = "Afake" + Guid.NewGuid().ToString("N")[..12],
        },
    }.ToJsonString();

    public void EnqueueStatus(int httpStatus, string body = "", string contentType = "text/plain") =>
        server.Enqueue(new ScriptedResponse(httpStatus, body, contentType));

    /// <summary>Accepts the request, then answers success only after <paramref name="delay"/>.</summary>
    public void EnqueueDelay(TimeSpan delay) => server.Enqueue(new ScriptedResponse(200, Delay: delay));

    /// <summary>Whom a send was for: <c>to</c> (a phone number) or <c>recipient</c> (a business-scoped user id).</summary>
    public static string To(RecordedRequest request)
    {
        try { return request.Json["to"]?.GetValue<string>() ?? request.Json["recipient"]?.GetValue<string>() ?? ""; }
        catch (System.Text.Json.JsonException) { return ""; }
    }

    private static string SuccessJson(string to, string wamid) => new JsonObject
    {
        ["messaging_product"] = "whatsapp",
        // Meta answers a send to a user id with that user_id and no wa_id.
        ["contacts"] = new JsonArray(new JsonObject { ["input"] = to, [to.Contains('.') ? "user_id" : "wa_id"] = to }),
        ["messages"] = new JsonArray(new JsonObject { ["id"] = wamid, ["message_status"] = "accepted" }),
    }.ToJsonString();

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
