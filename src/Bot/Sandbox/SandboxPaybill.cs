using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using InvoiceFirst.Data.Time;
using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Options;
using InvoiceFirst.Payments.Flow;

namespace InvoiceFirst.Bot.Sandbox;

/// <summary>
/// Paybill payments made by hand on a sandbox phone: posts Daraja's C2B confirmation to the bot's
/// own tokenized URL and answers Transaction Status for the receipts it issued, posting the result
/// to the bot's result URL, so the verified path runs as in production.
/// </summary>
public sealed class SandboxPaybill(IHttpClientFactory http, C2bUrls urls, IOptions<MpesaOptions> mpesa,
    TimeProvider clock, ILogger<SandboxPaybill> logger)
{
    private readonly ConcurrentDictionary<string, long> _receipts = new();

    public async Task<string> PayAsync(string phone, string account, long amount, CancellationToken ct)
    {
        var receipt = "SBX" + RandomNumberGenerator.GetHexString(7);
        _receipts[receipt] = amount;
        var nairobi = clock.GetUtcNow().ToOffset(NairobiTime.Offset);
        var body = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["TransactionType"] = "Pay Bill",
            ["TransID"] = receipt,
            ["TransTime"] = nairobi.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture),
            ["TransAmount"] = amount.ToString(CultureInfo.InvariantCulture) + ".00",
            ["BusinessShortCode"] = mpesa.Value.ShortCode,
            ["BillRefNumber"] = account,
            ["InvoiceNumber"] = "",
            ["OrgAccountBalance"] = "",
            ["ThirdPartyTransID"] = "",
            ["MSISDN"] = phone[..4] + " ***** " + phone[^3..],
            ["FirstName"] = "SANDBOX",
            ["MiddleName"] = "",
            ["LastName"] = "",
        });
        await SandboxCallbacks.PostAsync(http, urls.Confirmation, body, "C2B confirmation", logger, ct);
        return receipt;
    }

    /// <summary>Daraja's Transaction Status result for a receipt this sandbox issued (or a denial), posted to the bot.</summary>
    public async Task AnswerStatusAsync(string receipt, string resultUrl, CancellationToken ct)
    {
        object result = _receipts.TryGetValue(receipt, out var amount)
            ? new
            {
                ResultType = 0, ResultCode = 0, ResultDesc = "The service request is processed successfully.",
                OriginatorConversationID = Guid.NewGuid().ToString("N")[..18], ConversationID = "AG_SANDBOX_" + receipt, TransactionID = receipt,
                ResultParameters = new
                {
                    ResultParameter = new object[]
                    {
                        new { Key = "DebitPartyName", Value = "2547***** - SANDBOX" },
                        new { Key = "CreditPartyName", Value = $"{mpesa.Value.ShortCode} - Sandbox Shop" },
                        new { Key = "ReasonType", Value = "Pay Bill Online" },
                        new { Key = "TransactionStatus", Value = "Completed" },
                        new { Key = "Amount", Value = (object)amount },
                        new { Key = "ReceiptNo", Value = receipt },
                    },
                },
            }
            // The code Daraja uses for an unknown receipt is not documented; any non-zero code is a denial.
            : new { ResultType = 0, ResultCode = "R000001", ResultDesc = "The transaction does not exist", TransactionID = receipt };
        await SandboxCallbacks.PostAsync(http, resultUrl, JsonSerializer.Serialize(new { Result = result }), "Transaction Status result", logger, ct);
    }

    /// <summary>Only the bot's own result path is called back, so the stand-in cannot be aimed at another host.</summary>
    public bool IsOwnResultUrl(string url) => SandboxCallbacks.IsOwnUrl(url, urls.Result(""));
}
