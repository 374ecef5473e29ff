using System.Text.Json.Nodes;

namespace InvoiceFirst.Testing.Fakes;

/// <summary>Twilio <c>POST /2010-04-01/Accounts/{sid}/Messages.json</c> on loopback; 201 with a fresh SM sid by default.</summary>
public sealed class FakeTwilio : IAsyncDisposable
{
    private readonly LoopbackServer server;

    private FakeTwilio(LoopbackServer server) => this.server = server;

    public string BaseUrl => server.BaseUrl;

    public RequestLog Requests => server.Requests;

    /// <summary>Answers the next request with <paramref name="response"/> (its status, body, delay, headers).</summary>
    public void Enqueue(ScriptedResponse response) => server.Enqueue(response);

    public static async Task<FakeTwilio> StartAsync() =>
        new(await LoopbackServer.StartAsync("/2010-04-01/Accounts/{accountSid}/Messages.json", 201, Created));

    public static string NewSid() => "SM" + Guid.NewGuid().ToString("N");

    /// <summary>Twilio's error body <c>{code,message,more_info,status}</c>.</summary>
    public void EnqueueError(int code, int httpStatus = 400, IReadOnlyDictionary<string, string>? headers = null)
    {
        var body = new JsonObject
        {
            ["code"] = code,
            ["message"] = "scripted error",
            ["more_info"] = $"https://www.twilio.com/docs/errors/{code}",
            ["status"] = httpStatus,
        };
        server.Enqueue(new ScriptedResponse(httpStatus, body.ToJsonString(), Headers: headers));
    }

    public void EnqueueStatus(int httpStatus, string body = "", string contentType = "text/plain") =>
        server.Enqueue(new ScriptedResponse(httpStatus, body, contentType));

    public void EnqueueDelay(TimeSpan delay) => server.Enqueue(new ScriptedResponse(201, Delay: delay));

    private static string Created(RecordedRequest request)
    {
        var sid = NewSid();
        var account = request.Path.Split('/').ElementAtOrDefault(3) ?? "";
        return new JsonObject
        {
            ["account_sid"] = account,
            ["api_version"] = "2010-04-01",
            ["body"] = request.Form.GetValueOrDefault("Body"),
            ["direction"] = "outbound-api",
            ["error_code"] = null,
            ["error_message"] = null,
            ["from"] = request.Form.GetValueOrDefault("From"),
            ["num_media"] = "0",
            ["num_segments"] = "1",
            ["price"] = null,
            ["sid"] = sid,
            ["status"] = "queued",
            ["to"] = request.Form.GetValueOrDefault("To"),
            ["uri"] = $"/2010-04-01/Accounts/{account}/Messages/{sid}.json",
        }.ToJsonString();
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
