using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Ledger;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Data.Payouts;
using InvoiceFirst.Payments.Flow;
using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Payments.Payouts;

/// <summary>
/// What Daraja says became of a payout, from its B2C result or a Transaction Status answer. Paid is once: the conditional
/// update from sending/sent decides, and the ledger's payout entry and the merchant's message go in its transaction.
/// </summary>
public sealed class PayoutResults(Db db, PayoutRepository payouts, IPaymentOutcomes outcomes, TimeProvider clock, ILogger<PayoutResults> logger)
{
    /// <summary>Who the ledger names as the maker of a B2C payout's entry.</summary>
    public const string LedgerActor = "b2c";

    private static readonly string[] FinalFailures = ["Cancelled", "Declined", "Expired"];

    public async Task ApplyResultAsync(Payout payout, B2cResult result, CancellationToken ct)
    {
        if (result.OriginatorConversationId is { Length: > 0 } ocid && ocid != payout.OriginatorConversationId)
        {
            logger.LogWarning("B2C result for payout {PayoutId} names another OriginatorConversationID; ignored", payout.Id);
            return;
        }
        if (result.IsSuccess && result.Receipt is { } receipt)
            await PaidAsync(payout, receipt, result.ConversationId, result.ResultDesc, ct);
        else if (result.IsSuccess)
            logger.LogWarning("B2C result for payout {PayoutId} says success without a receipt; Transaction Status will tell", payout.Id);
        else
            await FailAsync(payout, result.ResultCode, B2cResultCodes.Meaning(result.ResultCode, result.ResultDesc), ct);
    }

    /// <summary>Completed with a receipt and the payout's amount: paid. Cancelled, declined or expired: failed. Anything else waits.</summary>
    public async Task ApplyStatusAsync(Payout payout, TransactionStatusResult result, CancellationToken ct)
    {
        var completed = result.ResultCode.Trim() == "0" && string.Equals(result.TransactionStatus, "Completed", StringComparison.OrdinalIgnoreCase);
        if (completed && result.ReceiptNo is { Length: > 0 } receipt
            && decimal.TryParse(result.Amount, System.Globalization.CultureInfo.InvariantCulture, out var amount) && amount == payout.Amount.Shillings)
            await PaidAsync(payout, receipt, null, "Completed (Transaction Status)", ct);
        else if (result.ResultCode.Trim() == "0" && FinalFailures.Contains(result.TransactionStatus, StringComparer.OrdinalIgnoreCase))
            await FailAsync(payout, "status:" + result.TransactionStatus!.ToLowerInvariant(), $"Transaction Status says {result.TransactionStatus}", ct);
        else
            logger.LogWarning("Transaction Status has no verdict on payout {PayoutId} yet (ResultCode {Code}); asked again later", payout.Id, result.ResultCode);
    }

    /// <summary>Daraja refused the request itself: nothing was paid.</summary>
    public Task FailRefusedAsync(Payout payout, string code, string message, CancellationToken ct) =>
        FailAsync(payout, code, string.IsNullOrWhiteSpace(message) ? "Refused by Daraja" : "Refused by Daraja: " + message, ct);

    private async Task PaidAsync(Payout payout, string receipt, string? conversationId, string description, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var paid = await db.InTransactionAsync(async (c, t) =>
        {
            if (await PayoutRepository.TryMarkPaidAsync(c, t, payout.Id, receipt, conversationId, description, now, ct) is not { } done) return null;
            if (await LedgerRepository.TryAddPayoutAsync(c, t, done.MerchantId, done.AmountCents, receipt, $"B2C payout {done.Id}", LedgerActor, now, ct) is null)
                logger.LogWarning("Payout {PayoutId}'s receipt was already on merchant {MerchantId}'s ledger (recorded by hand?)", done.Id, done.MerchantId);
            await outcomes.RaiseAsync(c, t, new PaymentOutcome.PaidOut(done), ct);
            return done;
        }, ct);
        if (paid is null)
            logger.LogInformation("Result for payout {PayoutId} again; it is already {Status}", payout.Id, payout.Status);
        else
            logger.LogInformation("Payout {PayoutId} paid to merchant {MerchantId}", paid.Id, paid.MerchantId);
    }

    private async Task FailAsync(Payout payout, string code, string meaning, CancellationToken ct)
    {
        if (await payouts.TryMarkFailedAsync(payout.Id, code, meaning, clock.GetUtcNow(), ct) is { } failed)
            logger.LogError("Payout {PayoutId} to merchant {MerchantId} failed: {Code} {Meaning}; a person may retry it", failed.Id, failed.MerchantId, code, meaning);
    }
}
