using System.Data.Common;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Ledger;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Data.Payouts;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Payments.Ledger;

/// <summary>
/// What the operator owes each merchant on the collection route: a credit and the operator's fee for every payment the
/// deployment collected, written in the settlement's transaction, and the payouts the operator records.
/// </summary>
public sealed class MerchantLedger(Db db, LedgerRepository ledger, IOptionsMonitor<LedgerOptions> options, TimeProvider clock,
    ILogger<MerchantLedger> logger)
{
    /// <summary>
    /// Inside the settlement's transaction, once per payment: the credit and its fee when the deployment collected the
    /// money (<see cref="LedgerRepository.TryCreditAsync"/> says when); nothing otherwise or when already written.
    /// </summary>
    public async Task CreditAsync(DbConnection c, DbTransaction t, long merchantId, Payment payment, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await LedgerRepository.TryCreditAsync(c, t, merchantId, payment.Id, now, ct) is not { } credited) return;
        var fee = CollectionFee.For(Money.FromCents(credited), options.CurrentValue);
        if (fee.IsPositive) await LedgerRepository.AddFeeAsync(c, t, merchantId, payment.Id, fee.Cents, now, ct);
        logger.LogInformation("Payment {PaymentId} credited to merchant {MerchantId}'s ledger", payment.Id, merchantId);
    }

    /// <summary>
    /// A payout the operator made outside the bot (e.g. by hand on M-PESA), recorded once per reference and never beyond the
    /// balance less the B2C payouts on their way: the merchant's row is locked first, so two payouts of one merchant are checked one after the other.
    /// </summary>
    public Task<PayoutOutcome> RecordPayoutAsync(long merchantId, Money amount, string reference, string? note, string createdBy,
        CancellationToken ct) =>
        db.InTransactionAsync<PayoutOutcome>(async (c, t) =>
        {
            if (!await ledger.LockMerchantAsync(c, t, merchantId, ct)) return new PayoutOutcome.NoSuchMerchant();
            var balance = Money.FromCents(await LedgerRepository.BalanceAsync(c, t, merchantId, ct));
            if (await LedgerRepository.GetPayoutAsync(c, t, merchantId, reference, ct) is { } existing)
                return -existing.Amount == amount
                    ? new PayoutOutcome.AlreadyRecorded(existing, balance)
                    : new PayoutOutcome.ReferenceTaken(existing);
            // B2C payouts on their way hold their amount back until they are paid or fail.
            var available = balance - Money.FromCents(await PayoutRepository.InFlightAsync(c, t, merchantId, ct));
            if (amount > available) return new PayoutOutcome.OverBalance(available);
            var entry = await LedgerRepository.TryAddPayoutAsync(c, t, merchantId, amount.Cents, reference, note, createdBy,
                clock.GetUtcNow(), ct) ?? throw new InvalidOperationException("A payout reference appeared under the merchant's lock");
            logger.LogInformation("Payout {EntryId} recorded for merchant {MerchantId}", entry.Id, merchantId);
            return new PayoutOutcome.Recorded(entry, balance - amount);
        }, ct);
}
