using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Ledger;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Payouts;

namespace InvoiceFirst.Payments.Payouts;

/// <summary>
/// Records B2C payouts before anything is sent, each under the merchant's row lock against what is available: the ledger
/// balance less the payouts already on their way (the same rule as a manual payout).
/// </summary>
public sealed class PayoutRecorder(Db db, LedgerRepository ledger, PayoutSignal signal, TimeProvider clock, ILogger<PayoutRecorder> logger)
{
    /// <summary>The day's payout of one merchant: all that is available in whole shillings (B2C's ceiling at most), when it reaches the minimum.</summary>
    public async Task<Payout?> RecordScheduledAsync(long merchantId, DateOnly day, long minimumKes, CancellationToken ct)
    {
        var payout = await db.InTransactionAsync(async (c, t) =>
        {
            if (!await ledger.LockMerchantAsync(c, t, merchantId, ct)
                || await MerchantRepository.GetAsync(c, t, merchantId, ct) is not { PayRoute: PayRoutes.Collection, Status: MerchantStatus.Active } merchant)
                return null;
            var available = await AvailableAsync(c, t, merchantId, ct);
            var shillings = Math.Min(available.Shillings, PayoutScheduleOptions.B2cMaximumKes);
            if (shillings < Math.Max(minimumKes, PayoutScheduleOptions.B2cMinimumKes)) return null;
            return await PayoutRepository.TryRecordAsync(c, t, merchantId, Money.FromShillings(shillings).Cents, merchant.Phone,
                day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), null, PayoutRepository.ScheduleActor,
                clock.GetUtcNow(), ct);
        }, ct);
        if (payout is not null)
        {
            logger.LogInformation("Payout {PayoutId} recorded for merchant {MerchantId} ({Day})", payout.Id, merchantId, day);
            signal.Notify();
        }
        return payout;
    }

    /// <summary>A person's retry of a failed payout: a new payout of the same amount with a new OriginatorConversationID, once.</summary>
    public async Task<PayoutRetry> RetryAsync(long payoutId, string retriedBy, CancellationToken ct)
    {
        var outcome = await db.InTransactionAsync<PayoutRetry>(async (c, t) =>
        {
            if (await PayoutRepository.GetAsync(c, t, payoutId, ct) is not { } failed) return new PayoutRetry.NoSuchPayout();
            if (!await ledger.LockMerchantAsync(c, t, failed.MerchantId, ct)) return new PayoutRetry.NoSuchPayout();
            // Read again under the lock: two retries of one payout are decided one after the other.
            failed = (await PayoutRepository.GetAsync(c, t, failed.MerchantId, payoutId, ct))!;
            if (failed.Status != PayoutStatus.Failed) return new PayoutRetry.NotFailed(failed);
            if (await MerchantRepository.GetAsync(c, t, failed.MerchantId, ct) is not { } merchant) return new PayoutRetry.NoSuchPayout();
            var available = await AvailableAsync(c, t, failed.MerchantId, ct);
            if (failed.Amount > available) return new PayoutRetry.OverBalance(available);
            return await PayoutRepository.TryRecordAsync(c, t, failed.MerchantId, failed.AmountCents, merchant.Phone, null, failed.Id, retriedBy,
                    clock.GetUtcNow(), ct) is { } retry
                ? new PayoutRetry.Recorded(retry)
                : new PayoutRetry.AlreadyRetried();
        }, ct);
        if (outcome is PayoutRetry.Recorded r)
        {
            logger.LogInformation("Payout {PayoutId} retried as payout {RetryId}", payoutId, r.Payout.Id);
            signal.Notify();
        }
        return outcome;
    }

    private static async Task<Money> AvailableAsync(System.Data.Common.DbConnection c, System.Data.Common.DbTransaction t, long merchantId,
        CancellationToken ct) =>
        Money.FromCents(await LedgerRepository.BalanceAsync(c, t, merchantId, ct) - await PayoutRepository.InFlightAsync(c, t, merchantId, ct));
}
