using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace InvoiceFirst.Testing.Fakes;

/// <summary>
/// B2C payouts (spec 4.12): checks the initiator's SecurityCredential, refuses an OriginatorConversationID it has seen with
/// <c>500.002.1001</c>, acknowledges, then posts the result to the request's ResultURL as scripted (code, how many times,
/// after what delay, or never). A Transaction Status query by OriginalConversationID answers from what it paid.
/// </summary>
public sealed partial class FakeDaraja
{
    public const string B2cPath = "/mpesa/b2c/v3/paymentrequest";
    public const string DuplicateOriginatorCode = "500.002.1001";

    private readonly ConcurrentDictionary<string, AcceptedB2c> b2cByOriginator = new();
    private readonly ConcurrentQueue<AcceptedB2c> b2cAccepted = new();
    private readonly ConcurrentQueue<FakeDarajaReply> b2cScript = new();
    private int b2cDuplicates;
    private int b2cDelivered;

    /// <summary>Every B2C request that reached the fake, accepted or not.</summary>
    public IReadOnlyList<FakeDarajaRequest> B2cRequests => Requests.For(B2cPath);

    /// <summary>B2C requests acknowledged as new (one per OriginatorConversationID): the payments M-PESA makes.</summary>
    public IReadOnlyList<AcceptedB2c> AcceptedB2cPayments => [.. b2cAccepted];

    /// <summary>Requests refused because their OriginatorConversationID was already accepted.</summary>
    public int B2cDuplicatesRefused => Volatile.Read(ref b2cDuplicates);

    /// <summary>Result posts the bot has answered, so a test can wait for the last of several deliveries.</summary>
    public int B2cResultsDelivered => Volatile.Read(ref b2cDelivered);

    /// <summary>The ResultCode each accepted payment's result carries: 0 paid, else failed (e.g. 2001).</summary>
    public string B2cResultCode { get; set; } = "0";
    public string B2cResultDesc { get; set; } = "The service request is processed successfully.";

    /// <summary>How many times each result is posted (Daraja may repeat it); 0: never (the test delivers it).</summary>
    public int B2cResultDeliveries { get; set; } = 1;

    /// <summary>Wait before posting a result.</summary>
    public TimeSpan B2cResultDelay { get; set; }

    /// <summary>Wait before acknowledging a request that is accepted (past the bot's timeout: the answer is lost).</summary>
    public TimeSpan B2cAckDelay { get; set; }

    /// <summary>
    /// The next requests are lost before M-PESA sees them: held this long (past the bot's timeout), then answered 503 and
    /// never accepted, as if the process died before its call got through.
    /// </summary>
    public void LoseNextB2cRequests(int count, TimeSpan holdFor)
    {
        Interlocked.Exchange(ref b2cToLose, count);
        b2cLoseFor = holdFor;
    }

    private int b2cToLose;
    private TimeSpan b2cLoseFor;

    /// <summary>How a result reaches the bot: the ResultURL and the body. Default: an HTTP POST to the URL.</summary>
    public Func<string, string, Task>? B2cResultSink { get; set; }

    /// <summary>The next B2C request is refused with this Daraja error (nothing is paid).</summary>
    public void EnqueueB2cError(int httpStatus, string errorCode, string errorMessage) =>
        b2cScript.Enqueue(FakeDarajaReply.Error(httpStatus, errorCode, errorMessage));

    public Task WaitForB2cRequestsAsync(int count, TimeSpan timeout) => Requests.WaitForAsync(B2cPath, count, timeout);

    /// <summary>Posts the result of <paramref name="payment"/> <paramref name="times"/> times at once, as scripted (code).</summary>
    public Task DeliverB2cResultAsync(AcceptedB2c payment, int times = 1) =>
        Task.WhenAll(Enumerable.Range(0, times).Select(_ => SinkAsync(payment.ResultUrl, B2cResultBody(payment))));

    /// <summary>The result body Daraja would post for <paramref name="payment"/>: success with its receipt, or the scripted failure.</summary>
    public string B2cResultBody(AcceptedB2c payment) => payment.ResultCode == "0"
        ? JsonSerializer.Serialize(new
        {
            Result = new
            {
                ResultType = 0, ResultCode = 0, ResultDesc = payment.ResultDesc,
                payment.OriginatorConversationID, payment.ConversationID, TransactionID = payment.Receipt,
                ResultParameters = new
                {
                    ResultParameter = new object[]
                    {
                        new { Key = "TransactionAmount", Value = (object)payment.Amount },
                        new { Key = "TransactionReceipt", Value = payment.Receipt },
                        new { Key = "ReceiverPartyPublicName", Value = $"{payment.PartyB} - JANE WANJIKU" },
                        new { Key = "TransactionCompletedDateTime", Value = "06.07.2024 22:48:52" },
                        new { Key = "B2CUtilityAccountAvailableFunds", Value = (object)8959269.6 },
                        new { Key = "B2CWorkingAccountAvailableFunds", Value = (object)1199371.0 },
                        new { Key = "B2CRecipientIsRegisteredCustomer", Value = "Y" },
                        new { Key = "B2CChargesPaidAccountAvailableFunds", Value = (object)(-1980.0) },
                    },
                },
                ReferenceData = new { ReferenceItem = new { Key = "QueueTimeoutURL", Value = "https://internalsandbox.safaricom.co.ke/mpesa/b2cresults/v1/submit" } },
            },
        })
        : JsonSerializer.Serialize(new
        {
            Result = new
            {
                ResultType = 0, ResultCode = int.TryParse(payment.ResultCode, out var n) ? (object)n : payment.ResultCode, ResultDesc = payment.ResultDesc,
                payment.OriginatorConversationID, payment.ConversationID, TransactionID = "SG00000000",
                ReferenceData = new { ReferenceItem = new { Key = "QueueTimeoutURL", Value = "https://internalsandbox.safaricom.co.ke/mpesa/b2cresults/v1/submit" } },
            },
        });

    /// <summary>
    /// What Transaction Status says about <paramref name="query"/>: a payout asked about by OriginalConversationID is
    /// Completed when its B2C result was a success, else not found; a receipt as <see cref="StatusResultFor(string)"/>.
    /// </summary>
    public string StatusResultFor(StatusQuery query)
    {
        if (query.TransactionId.Length > 0 || query.OriginalConversationId is not { Length: > 0 } ocid) return StatusResultFor(query.TransactionId);
        return b2cByOriginator.TryGetValue(ocid, out var paid) && paid.ResultCode == "0"
            ? FakeDarajaResults.Completed(paid.Receipt, paid.Amount, creditShortCode: paid.PartyB)
            : FakeDarajaResults.NotFound(ocid);
    }

    private void MapB2c(WebApplication app) => app.MapPost(B2cPath, async (HttpContext context) =>
    {
        var (refused, body) = await RecordAuthorizedAsync(context, B2cPath);
        if (refused is not null) return refused;
        JsonElement request;
        try { request = JsonDocument.Parse(body).RootElement.Clone(); }
        catch (JsonException) { return Error(400, "400.002.02", "Bad Request - Invalid Body"); }
        string? Field(string name) => request.TryGetProperty(name, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()) : null;
        if (!Initiator.Accepts(Field("InitiatorName"), Field("SecurityCredential")))
            return Error(401, "401.003.01", "Error Occurred - Invalid Security Credential");
        if (Interlocked.Decrement(ref b2cToLose) >= 0)
        {
            await Task.Delay(b2cLoseFor);
            return Error(503, "503.001.01", "Service unavailable");
        }
        Interlocked.CompareExchange(ref b2cToLose, 0, -1);
        if (b2cScript.TryDequeue(out var scripted)) return Error(scripted.HttpStatus, scripted.ErrorCode!, scripted.ErrorMessage!);
        var ocid = Field("OriginatorConversationID") ?? "";
        if (ocid.Length is 0 or >= 20 || !long.TryParse(Field("Amount"), out var amount) || Field("CommandID") != "BusinessPayment")
            return Error(400, "400.002.02", "Bad Request - Invalid OriginatorConversationID, Amount or CommandID");
        var n = Interlocked.Increment(ref sequence);
        var payment = new AcceptedB2c(ocid, $"AG_20240706_{Guid.NewGuid():N}"[..32], $"SG{n:D2}{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}",
            amount, Field("PartyA") ?? "", Field("PartyB") ?? "", Field("ResultURL") ?? "", Field("QueueTimeOutURL") ?? "", B2cResultCode, B2cResultDesc);
        if (!b2cByOriginator.TryAdd(ocid, payment))
        {
            Interlocked.Increment(ref b2cDuplicates);
            return Error(500, DuplicateOriginatorCode, "Duplicate OriginatorConversationID");
        }
        b2cAccepted.Enqueue(payment);
        if (B2cResultDeliveries > 0) _ = DeliverLaterAsync(payment, B2cResultDeliveries, B2cResultDelay);
        if (B2cAckDelay > TimeSpan.Zero) await Task.Delay(B2cAckDelay);
        return Results.Json(new Dictionary<string, string>
        {
            ["ConversationID"] = payment.ConversationID,
            ["OriginatorConversationID"] = ocid,
            ["ResponseCode"] = "0",
            ["ResponseDescription"] = "Accept the service request successfully.",
        });
    });

    private async Task DeliverLaterAsync(AcceptedB2c payment, int times, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay);
            await DeliverB2cResultAsync(payment, times);
        }
        catch (Exception e) when (e is HttpRequestException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The bot is gone (a restart test): the result is lost, as Daraja's would be.
        }
    }

    private async Task SinkAsync(string url, string body)
    {
        if (B2cResultSink is { } sink)
        {
            await sink(url, body);
        }
        else
        {
            using var client = new HttpClient();
            (await client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"))).Dispose();
        }
        Interlocked.Increment(ref b2cDelivered);
    }

    /// <summary>One B2C payment the fake accepted, with the receipt and result it will post.</summary>
    public sealed record AcceptedB2c(string OriginatorConversationID, string ConversationID, string Receipt, long Amount, string PartyA, string PartyB,
        string ResultUrl, string QueueTimeOutUrl, string ResultCode, string ResultDesc)
    {
        public string ResultPath => new Uri(ResultUrl).AbsolutePath;
    }
}
