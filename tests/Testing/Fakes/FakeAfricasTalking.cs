using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace InvoiceFirst.Testing.Fakes;

/// <summary>Africa's Talking <c>POST /version1/messaging</c> on loopback; 201 with statusCode 101 by default.</summary>
public sealed class FakeAfricasTalking : IAsyncDisposable
{
    private readonly LoopbackServer server;
    private readonly ConcurrentQueue<IssuedId> issued;

    private FakeAfricasTalking(LoopbackServer server, ConcurrentQueue<IssuedId> issued)
    {
        this.server = server;
        this.issued = issued;
    }

    public string BaseUrl => server.BaseUrl;

    public RequestLog Requests => server.Requests;

    /// <summary>Every messageId handed out by a default success answer, in order (scripted answers are not listed).</summary>
    public IReadOnlyList<IssuedId> Issued => [.. issued];

    /// <summary>Answers the next request with <paramref name="response"/> (its status, body, delay, headers).</summary>
    public void Enqueue(ScriptedResponse response) => server.Enqueue(response);

    public static async Task<FakeAfricasTalking> StartAsync()
    {
        var issued = new ConcurrentQueue<IssuedId>();
        var server = await LoopbackServer.StartAsync("/version1/messaging", 201, request =>
        {
            var messageId = "ATXid_" + Guid.NewGuid().ToString("N");
            issued.Enqueue(new IssuedId(request, messageId));
            return Body(request.Form.GetValueOrDefault("to") ?? "", 101, "Success", messageId);
        });
        return new FakeAfricasTalking(server, issued);
    }

    /// <summary>One recipient with <paramref name="statusCode"/> (406 blacklisted, 409 DND…), in a 201 unless told.</summary>
    public void EnqueueRecipientStatus(int statusCode, string status = "Rejected", int httpStatus = 201)
    {
        var messageId = statusCode is 100 or 101 or 102 ? "ATXid_" + Guid.NewGuid().ToString("N") : "None";
        server.Enqueue(new ScriptedResponse(httpStatus, Body("+254700000000", statusCode, status, messageId)));
    }

    /// <summary>Non-JSON answers, like the 401 <c>The supplied authentication is invalid</c>.</summary>
    public void EnqueuePlainText(int httpStatus, string body) =>
        server.Enqueue(new ScriptedResponse(httpStatus, body, "text/plain"));

    public void EnqueueRaw(int httpStatus, string json) => server.Enqueue(new ScriptedResponse(httpStatus, json));

    public void EnqueueDelay(TimeSpan delay) => server.Enqueue(new ScriptedResponse(201, Delay: delay));

    private static string Body(string number, int statusCode, string status, string messageId) => new JsonObject
    {
        ["SMSMessageData"] = new JsonObject
        {
            ["Message"] = statusCode is 100 or 101 or 102 ? "Sent to 1/1 Total Cost: KES 0.8000" : "Sent to 0/1 Total Cost: 0",
            ["Recipients"] = new JsonArray(new JsonObject
            {
                ["statusCode"] = statusCode,
                ["number"] = number,
                ["status"] = status,
                ["cost"] = statusCode is 100 or 101 or 102 ? "KES 0.8000" : "0",
                ["messageId"] = messageId,
                ["messageParts"] = 1,
            }),
        },
    }.ToJsonString();

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
