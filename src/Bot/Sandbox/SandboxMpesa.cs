using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using InvoiceFirst.Data.Time;

namespace InvoiceFirst.Bot.Sandbox;

/// <summary>
/// A stand-in for Safaricom in Sandbox mode: takes STK pushes in Daraja's wire format, holds each
/// prompt until the person at /sandbox approves, cancels or lets it time out, then posts a
/// Daraja-shaped callback to the bot's own callback URL. No real money can move: it only exists
/// in Sandbox mode and knows nothing of the real Daraja.
/// </summary>
public sealed class SandboxMpesa(IHttpClientFactory http, TimeProvider clock, ILogger<SandboxMpesa> logger)
{
    public const string HttpClientName = "sandbox-callbacks";
    private readonly ConcurrentDictionary<string, SandboxPrompt> _prompts = new();

    /// <param name="payTo">The Paybill or Till the prompt charges (PartyB): the deployment's, or a merchant's own.</param>
    public SandboxPrompt Push(string phone, long amount, string accountReference, string payTo, string callbackUrl)
    {
        var now = clock.GetUtcNow();
        var prompt = new SandboxPrompt(
            $"ws_CO_{now:ddMMyyyyHHmmss}{RandomNumberGenerator.GetInt32(100_000, 999_999)}",
            $"sandbox-{Guid.NewGuid():N}"[..24], phone, amount, accountReference, payTo, callbackUrl, now);
        _prompts[prompt.CheckoutRequestId] = prompt;
        return prompt;
    }

    public SandboxPrompt? Find(string checkoutRequestId) => _prompts.GetValueOrDefault(checkoutRequestId);

    public IReadOnlyList<SandboxPrompt> PromptsFor(string phone) =>
        _prompts.Values.Where(p => p.Phone == phone).OrderBy(p => p.CreatedAt).ToList();

    /// <summary>Settles the prompt the way the phone's owner chose and delivers Safaricom's callback.</summary>
    public async Task<SandboxPrompt?> ResolveAsync(string checkoutRequestId, string outcome, CancellationToken ct)
    {
        if (!_prompts.TryGetValue(checkoutRequestId, out var prompt) || prompt.Status != "pending") return null;
        var resolved = prompt with
        {
            Status = outcome,
            Receipt = outcome == "approved" ? "SBX" + RandomNumberGenerator.GetHexString(7) : null,
        };
        if (!_prompts.TryUpdate(checkoutRequestId, resolved, prompt)) return null;

        await SandboxCallbacks.PostAsync(http, resolved.CallbackUrl, CallbackBody(resolved), outcome + " STK callback", logger, ct);
        return resolved;
    }

    private string CallbackBody(SandboxPrompt p)
    {
        var callback = new Dictionary<string, object>
        {
            ["MerchantRequestID"] = p.MerchantRequestId,
            ["CheckoutRequestID"] = p.CheckoutRequestId,
            ["ResultCode"] = int.Parse(p.ResultCode, CultureInfo.InvariantCulture),
            ["ResultDesc"] = p.Status switch
            {
                "approved" => "The service request is processed successfully.",
                "cancelled" => "Request cancelled by user",
                _ => "No response from user.",
            },
        };
        if (p.Status == "approved")
        {
            var nairobi = clock.GetUtcNow().ToOffset(NairobiTime.Offset);
            callback["CallbackMetadata"] = new
            {
                Item = new object[]
                {
                    new { Name = "Amount", Value = (decimal)p.AmountShillings },
                    new { Name = "MpesaReceiptNumber", Value = p.Receipt },
                    new { Name = "TransactionDate", Value = long.Parse(nairobi.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) },
                    new { Name = "PhoneNumber", Value = long.Parse(p.Phone, CultureInfo.InvariantCulture) },
                },
            };
        }
        return JsonSerializer.Serialize(new { Body = new { stkCallback = callback } });
    }
}
