using InvoiceFirst.Data.Domain;
using System.Data.Common;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Data.Review;
using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Payments.Flow;

/// <summary>
/// Settles a stored STK callback in the inbox worker's transaction. The event carries the
/// callback token (which payment) and what was read from the body at the endpoint.
/// </summary>
public sealed class StkCallbackHandler(
    PaymentRepository payments,
    PaymentSettler settler,
    DarajaClient daraja,
    Merchants.MerchantDarajaKeys keys,
    IOptions<MpesaOptions> mpesa,
    PaymentHost host,
    TimeProvider clock,
    ILogger<StkCallbackHandler> logger)
{
    public async Task HandleAsync(DbConnection c, DbTransaction t, StkCallbackReceived inbound, CancellationToken ct)
    {
        var payment = await payments.GetByCallbackTokenForUpdateAsync(c, t, inbound.Token, ct);
        var parsed = inbound.Parsed;
        if (payment is null || payment.Status != PaymentStatus.Initiated)
        {
            if (payment is not null && parsed.IsValid && parsed.Callback.IsSuccess && IsFor(payment, parsed.Callback)
                && payment.Status != PaymentStatus.Success && payment.Status != PaymentStatus.NeedsReview)
            {
                await settler.ReopenForReviewAsync(c, t, payment, $"success callback after the payment was closed as {payment.Status}", inbound.Raw, ct);
                return;
            }
            logger.LogInformation("STK callback for a payment that is already final; nothing to do");
            return;
        }

        if (!parsed.IsValid)
        {
            // It does not close the payment: the genuine callback or the query worker still can. Ask soon.
            logger.LogWarning("Unreadable STK callback for payment {PaymentId}, kept for review: {Error}", payment.Id, parsed.Error);
            var now = clock.GetUtcNow();
            await ReviewItemRepository.AddAsync(c, t, ReviewItem.Of(inbound, ReviewSources.StkCallback, parsed.Error, now, payment.Id), ct);
            if (payment.PushStartedAt is not null) await PaymentTransitions.ScheduleQueryAsync(c, t, payment.Id, now, now, ct);
            return;
        }

        var callback = parsed.Callback;
        if (!IsFor(payment, callback))
        {
            logger.LogWarning("Suspicious STK callback for payment {PaymentId}: CheckoutRequestID does not match", payment.Id);
            return;
        }

        if (!callback.IsSuccess)
        {
            if (callback.Status == PaymentResultStatus.Pending) return;
            if (callback.Status == PaymentResultStatus.NeedsReview)
            {
                // A code we do not know decides nothing: STK Query is asked now and its answer is handled like a callback's.
                logger.LogWarning("STK callback for payment {PaymentId} carries result code {ResultCode} we do not know; asking STK Query",
                    payment.Id, callback.ResultCode);
                await PaymentTransitions.ScheduleQueryAsync(c, t, payment.Id, clock.GetUtcNow(), clock.GetUtcNow(), ct);
                return;
            }
            await settler.CloseAsync(c, t, payment, callback.Status, callback.ResultCode, callback.ResultDesc,
                callback.FailureKind ?? PaymentFailureKind.Unknown, inbound.Raw, ct);
            return;
        }

        if (callback.AmountShillings is not { } paid || Money.FromShillings(paid) != payment.Amount)
        {
            await settler.MarkForReviewAsync(c, t, payment, $"callback amount {callback.AmountShillings} differs from the {payment.Amount.Shillings} asked", inbound.Raw, ct);
            return;
        }

        if (mpesa.Value.ShouldConfirmWithQuery(host.IsLive))
        {
            // A forged callback cannot make Daraja's own query say 0. The query is a read: safe to make here.
            switch (await daraja.QueryAsync(c, t, callback.CheckoutRequestId, await keys.ForPaymentAsync(c, t, payment, ct), ct))
            {
                case StkQueryOutcome.Failed failed:
                    await settler.MarkForReviewAsync(c, t, payment, $"callback says paid, query says {failed.ResultCode}", inbound.Raw, ct);
                    return;
                case StkQueryOutcome.Pending:
                    // Keep the receipt; the query worker settles once the query agrees.
                    await PaymentTransitions.KeepCallbackAsync(c, t, payment.Id, callback.CheckoutRequestId, inbound.Raw, clock.GetUtcNow(), ct);
                    return;
            }
        }

        await settler.SettleAsync(c, t, payment, callback.MpesaReceiptNumber, inbound.Raw, ct);
    }

    /// <summary>The callback names this payment's checkout (a payment whose push never got one takes the token's word).</summary>
    private static bool IsFor(Payment payment, StkCallbackResult callback) =>
        payment.CheckoutRequestId is null || callback.CheckoutRequestId == payment.CheckoutRequestId;
}
