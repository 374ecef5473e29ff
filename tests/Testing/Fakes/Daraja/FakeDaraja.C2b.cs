using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace InvoiceFirst.Testing.Fakes;

/// <summary>
/// The Paybill side of the fake: C2B Register URL v2 and Transaction Status (spec 4.7, 4.8). It
/// knows which receipts M-PESA really has (<see cref="KnowPayment"/>) and builds the result body
/// Daraja would post to the query's ResultURL; the test delivers it.
/// </summary>
public sealed partial class FakeDaraja
{
    public const string RegisterUrlPath = "/mpesa/c2b/v2/registerurl";
    public const string TransactionStatusPath = "/mpesa/transactionstatus/v1/query";

    private readonly ConcurrentDictionary<string, KnownPayment> known = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<FakeDarajaReply> registerScript = new();

    public FakeInitiator Initiator { get; } = FakeInitiator.Shared;

    public IReadOnlyList<FakeDarajaRequest> RegisterUrlRequests => Requests.For(RegisterUrlPath);

    /// <summary>Accepted Transaction Status queries: the receipt asked about and the ResultURL to answer.</summary>
    public IReadOnlyList<StatusQuery> StatusQueries => Requests.For(TransactionStatusPath).Select(StatusQuery.From).OfType<StatusQuery>().ToList();

    /// <summary>M-PESA has this payment: a status query about it answers with these facts.</summary>
    public void KnowPayment(string receipt, decimal amount, string creditShortCode = "174379", string status = "Completed") =>
        known[receipt] = new KnownPayment(amount, creditShortCode, status);

    /// <summary>The next registration is answered with this Daraja error.</summary>
    public void EnqueueRegisterError(int httpStatus, string errorCode, string errorMessage) =>
        registerScript.Enqueue(FakeDarajaReply.Error(httpStatus, errorCode, errorMessage));

    public Task WaitForStatusQueriesAsync(int count, TimeSpan timeout) => Requests.WaitForAsync(TransactionStatusPath, count, timeout);

    /// <summary>The result Daraja would post for a query about <paramref name="receipt"/>, from what M-PESA knows.</summary>
    public string StatusResultFor(string receipt) => known.TryGetValue(receipt, out var p)
        ? FakeDarajaResults.Completed(receipt, p.Amount, p.CreditShortCode, p.Status)
        : FakeDarajaResults.NotFound(receipt);

    private void MapC2b(WebApplication app)
    {
        app.MapPost(RegisterUrlPath, async (HttpContext context) =>
        {
            var (refused, _) = await RecordAuthorizedAsync(context, RegisterUrlPath);
            if (refused is not null) return refused;
            if (registerScript.TryDequeue(out var scripted)) return Error(scripted.HttpStatus, scripted.ErrorCode!, scripted.ErrorMessage!);
            return Results.Json(new Dictionary<string, string>
            {
                ["OriginatorCoversationID"] = "5118-111210482-1",
                ["ResponseCode"] = "0",
                ["ResponseDescription"] = "Success",
            });
        });
        app.MapPost(TransactionStatusPath, async (HttpContext context) =>
        {
            var (refused, body) = await RecordAuthorizedAsync(context, TransactionStatusPath);
            if (refused is not null) return refused;
            var query = StatusQuery.From(new FakeDarajaRequest(TransactionStatusPath, null, body));
            if (query is null) return Error(400, "400.002.02", "Bad Request - Invalid TransactionID");
            if (!Initiator.Accepts(query.Initiator, query.SecurityCredential))
                return Error(401, "401.003.01", "Error Occurred - Invalid Security Credential");
            return Results.Json(new Dictionary<string, string>
            {
                ["OriginatorConversationID"] = Guid.NewGuid().ToString("N")[..22],
                ["ConversationID"] = "AG_20231121_" + Guid.NewGuid().ToString("N")[..20],
                ["ResponseCode"] = "0",
                ["ResponseDescription"] = "Accept the service request successfully.",
            });
        });
    }

    private sealed record KnownPayment(decimal Amount, string CreditShortCode, string Status);

    /// <summary>One Transaction Status request as the bot sent it.</summary>
    public sealed record StatusQuery(string TransactionId, string ResultUrl, string QueueTimeOutUrl, string? Initiator, string? SecurityCredential, string PartyA,
        string? OriginalConversationId = null)
    {
        public string ResultPath => new Uri(ResultUrl).AbsolutePath;

        public static StatusQuery? From(FakeDarajaRequest request)
        {
            try
            {
                var root = JsonDocument.Parse(request.Body).RootElement;
                return new StatusQuery(root.GetProperty("TransactionID").GetString()!, root.GetProperty("ResultURL").GetString()!,
                    root.GetProperty("QueueTimeOutURL").GetString()!, root.GetProperty("Initiator").GetString(),
                    root.GetProperty("SecurityCredential").GetString(), root.GetProperty("PartyA").GetString()!,
                    root.TryGetProperty("OriginalConversationID", out var original) ? original.GetString() : null);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or NullReferenceException)
            {
                return null;
            }
        }
    }
}
