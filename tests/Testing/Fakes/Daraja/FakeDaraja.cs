using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InvoiceFirst.Testing.Fakes;

/// <summary>
/// Safaricom Daraja on loopback, speaking the real wire format: OAuth (each new token invalidates
/// the previous one), STK push and STK query, with scriptable errors, delays and query results.
/// </summary>
public sealed partial class FakeDaraja : IAsyncDisposable
{
    public const string OAuthPath = "/oauth/v1/generate";
    public const string StkPushPath = "/mpesa/stkpush/v1/processrequest";
    public const string StkQueryPath = "/mpesa/stkpushquery/v1/query";

    private readonly WebApplication app;
    private readonly object gate = new();
    private readonly ConcurrentQueue<FakeDarajaReply> stkScript = new();
    private readonly ConcurrentDictionary<string, FakeDarajaReply> queryScript = new();
    private readonly ConcurrentDictionary<string, bool> issuedCheckoutIds = new();
    private readonly ConcurrentQueue<AcceptedPush> accepted = new();
    // Daraja apps by consumer key: each has its secret and its one current token (a new token ends the previous one).
    private readonly Dictionary<string, string> apps = new();
    private readonly Dictionary<string, string> currentTokens = new();
    private int tokenRequests;
    private long sequence;

    private FakeDaraja(WebApplication app, string consumerKey, string consumerSecret)
    {
        this.app = app;
        ConsumerKey = consumerKey;
        ConsumerSecret = consumerSecret;
        apps[consumerKey] = consumerSecret;
    }

    /// <summary>Another Daraja app (a merchant's own) whose keys OAuth accepts from now on.</summary>
    public void LearnApp(string consumerKey, string consumerSecret)
    {
        lock (gate) apps[consumerKey] = consumerSecret;
    }

    /// <summary>The consumer key of the app whose token <paramref name="bearer"/> is (current or not); null for a token never issued.</summary>
    public string? AppOf(string? bearer)
    {
        lock (gate) return bearer is not null && issuedTokens.TryGetValue(bearer, out var key) ? key : null;
    }

    private readonly Dictionary<string, string> issuedTokens = new();

    public string BaseUrl { get; private set; } = "";
    public string ConsumerKey { get; }
    public string ConsumerSecret { get; }
    public FakeDarajaRecorder Requests { get; } = new();

    /// <summary>Send <c>expires_in</c> as a string, like the older portal sample.</summary>
    public bool ExpiresInAsString { get; set; }
    public int ExpiresInSeconds { get; set; } = 3599;

    /// <summary>Delay before answering OAuth, to widen races in concurrency tests.</summary>
    public TimeSpan OAuthDelay { get; set; }

    public int TokenRequestCount => Volatile.Read(ref tokenRequests);
    public IReadOnlyList<FakeDarajaRequest> StkPushes => Requests.For(StkPushPath);
    public IReadOnlyList<FakeDarajaRequest> StkQueries => Requests.For(StkQueryPath);

    /// <summary>STK pushes answered "accepted", in order, with the CallBackURL and the CheckoutRequestID issued.</summary>
    public IReadOnlyList<AcceptedPush> AcceptedPushes => [.. accepted];

    public static async Task<FakeDaraja> StartAsync(string consumerKey = "test-key", string consumerSecret = "test-secret")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDaraja(app, consumerKey, consumerSecret);
        app.MapGet(OAuthPath, (Func<HttpContext, Task<IResult>>)fake.OAuthAsync);
        app.MapPost(StkPushPath, (Func<HttpContext, Task<IResult>>)fake.StkPushAsync);
        app.MapPost(StkQueryPath, (Func<HttpContext, Task<IResult>>)fake.StkQueryAsync);
        fake.MapC2b(app);
        fake.MapB2c(app);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        fake.BaseUrl = addresses.Addresses.First().TrimEnd('/');
        return fake;
    }

    public void EnqueueStkError(int httpStatus, string errorCode, string errorMessage) =>
        stkScript.Enqueue(FakeDarajaReply.Error(httpStatus, errorCode, errorMessage));

    /// <summary>The next STK push is answered with exactly <paramref name="body"/>.</summary>
    public void EnqueueStkRaw(int httpStatus, string body, string contentType = "application/json") =>
        stkScript.Enqueue(FakeDarajaReply.Raw(httpStatus, body, contentType));

    /// <summary>The next STK push is recorded, then answered (accepted) only after <paramref name="delay"/>.</summary>
    public void EnqueueDelay(TimeSpan delay) => stkScript.Enqueue(FakeDarajaReply.After(delay));

    public void SetQueryResult(string checkoutRequestId, string resultCode, string resultDesc) =>
        queryScript[checkoutRequestId] = FakeDarajaReply.Result(resultCode, resultDesc);

    public void SetQueryError(string checkoutRequestId, int httpStatus, string errorCode, string errorMessage) =>
        queryScript[checkoutRequestId] = FakeDarajaReply.Error(httpStatus, errorCode, errorMessage);

    /// <summary>As if someone else generated a token: the one in use stops working.</summary>
    public void InvalidateCurrentToken()
    {
        lock (gate) currentTokens.Remove(ConsumerKey);
    }

    public Task WaitForStkPushesAsync(int count, TimeSpan timeout) => Requests.WaitForAsync(StkPushPath, count, timeout);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task<IResult> OAuthAsync(HttpContext context)
    {
        Interlocked.Increment(ref tokenRequests);
        if (OAuthDelay > TimeSpan.Zero) await Task.Delay(OAuthDelay, context.RequestAborted);
        if (context.Request.Query["grant_type"] != "client_credentials")
            return Error(400, "400.008.02", "Invalid grant type passed");
        var key = BasicUser(context.Request.Headers.Authorization.ToString());
        if (key is null) return Error(400, "400.008.01", "Invalid Authentication passed");

        var token = "fake" + Guid.NewGuid().ToString("N")[..24];
        lock (gate)
        {
            currentTokens[key] = token;
            issuedTokens[token] = key;
        }
        return ExpiresInAsString
            ? Results.Json(new Dictionary<string, object> { ["access_token"] = token, ["expires_in"] = ExpiresInSeconds.ToString() })
            : Results.Json(new Dictionary<string, object> { ["access_token"] = token, ["expires_in"] = ExpiresInSeconds });
    }

    private async Task<IResult> StkPushAsync(HttpContext context)
    {
        var (refused, body) = await RecordAuthorizedAsync(context, StkPushPath);
        if (refused is not null) return refused;
        if (stkScript.TryDequeue(out var scripted))
        {
            if (scripted.ErrorCode is not null) return Error(scripted.HttpStatus, scripted.ErrorCode, scripted.ErrorMessage!);
            if (scripted.RawBody is not null) return Results.Text(scripted.RawBody, scripted.RawContentType, statusCode: scripted.HttpStatus);
            await Task.Delay(scripted.Delay, context.RequestAborted);
        }

        var n = Interlocked.Increment(ref sequence);
        var checkoutId = $"ws_CO_{DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(3)):ddMMyyyyHHmmssfff}{n:D9}";
        issuedCheckoutIds[checkoutId] = true;
        Accept(body, checkoutId);
        return Results.Json(new Dictionary<string, string>
        {
            ["MerchantRequestID"] = $"{n:D4}-4b64-97ff-{Guid.NewGuid():N}"[..32],
            ["CheckoutRequestID"] = checkoutId,
            ["ResponseCode"] = "0",
            ["ResponseDescription"] = "Success. Request accepted for processing",
            ["CustomerMessage"] = "Success. Request accepted for processing",
        });
    }

    private async Task<IResult> StkQueryAsync(HttpContext context)
    {
        var (refused, body) = await RecordAuthorizedAsync(context, StkQueryPath);
        if (refused is not null) return refused;
        string? checkoutId = null;
        try
        {
            checkoutId = JsonDocument.Parse(body).RootElement.GetProperty("CheckoutRequestID").GetString();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return Error(400, "400.002.02", "Bad Request - Invalid CheckoutRequestID");
        }

        var reply = checkoutId is not null && queryScript.TryGetValue(checkoutId, out var scripted) ? scripted
            : checkoutId is not null && issuedCheckoutIds.ContainsKey(checkoutId)
                ? FakeDarajaReply.Result("4999", "The transaction is still under processing")
                : FakeDarajaReply.Error(500, "500.001.1001", "The transaction does not Exist");
        if (reply.ErrorCode is not null) return Error(reply.HttpStatus, reply.ErrorCode, reply.ErrorMessage!);
        return Results.Json(new Dictionary<string, string>
        {
            ["ResponseCode"] = "0",
            ["ResponseDescription"] = "The service request has been accepted successsfully",
            ["MerchantRequestID"] = "22205-34066-1",
            ["CheckoutRequestID"] = checkoutId!,
            ["ResultCode"] = reply.ResultCode!,
            ["ResultDesc"] = reply.ResultDesc!,
        });
    }

    private void Accept(string body, string checkoutId)
    {
        try
        {
            var push = JsonDocument.Parse(body).RootElement;
            accepted.Enqueue(new AcceptedPush(push.GetProperty("CallBackURL").GetString() ?? "", checkoutId,
                decimal.Parse(Text(push.GetProperty("Amount")), System.Globalization.CultureInfo.InvariantCulture),
                long.Parse(Text(push.GetProperty("PhoneNumber")), System.Globalization.CultureInfo.InvariantCulture)));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // A malformed push is still answered; it just has no callback to drive.
        }
    }

    /// <summary>The consumer key of a Basic header naming a known app with its right secret; null otherwise.</summary>
    private string? BasicUser(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.Ordinal)) return null;
        string pair;
        try { pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])); }
        catch (FormatException) { return null; }
        var colon = pair.IndexOf(':');
        if (colon < 0) return null;
        var (key, secret) = (pair[..colon], pair[(colon + 1)..]);
        lock (gate) return apps.TryGetValue(key, out var known) && known == secret ? key : null;
    }

    // Daraja's samples send numbers both as strings and as numbers.
    private static string Text(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText();

    internal async Task<(IResult? Refused, string Body)> RecordAuthorizedAsync(HttpContext context, string path)
    {
        var body = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted);
        var header = context.Request.Headers.Authorization.ToString();
        var bearer = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        Requests.Record(new FakeDarajaRequest(path, bearer, body));
        bool valid;
        lock (gate) valid = bearer is not null && issuedTokens.TryGetValue(bearer, out var key) && currentTokens.GetValueOrDefault(key) == bearer;
        return (valid ? null : Error(404, "404.001.03", "Invalid Access Token"), body);
    }

    internal static IResult Error(int status, string code, string message) => Results.Json(
        new Dictionary<string, string>
        {
            ["requestId"] = Guid.NewGuid().ToString("N")[..20],
            ["errorCode"] = code,
            ["errorMessage"] = message,
        },
        statusCode: status);
}
