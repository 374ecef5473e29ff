using InvoiceFirst.Data.Workers;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Payments.Flow;

/// <summary>
/// Daraja delivers each callback once and never retries, so a lost callback is only recoverable
/// by asking. Pushed payments still open after <see cref="PaymentOptions.QueryAfterSeconds"/> are
/// queried with doubling intervals; a definite answer settles or closes them exactly as a callback
/// would; anything still open after <c>Mpesa:ReviewAfterHours</c> goes to NEEDS_REVIEW.
/// </summary>
public sealed class PaymentReconciler(
    Db db,
    PaymentRepository payments,
    PaymentSettler settler,
    DarajaClient daraja,
    Merchants.MerchantDarajaKeys keys,
    IOptions<PaymentOptions> options,
    IOptions<MpesaOptions> mpesa,
    TimeProvider clock,
    ILogger<PaymentReconciler> logger) : PollingWorker(logger)
{
    protected override Task WaitAsync(CancellationToken ct) => Task.Delay(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), clock, ct);

    public override async Task RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using (var connection = await db.OpenAsync(ct))
        {
            foreach (var id in await PaymentTransitions.ExpireToReviewAsync(connection, now - TimeSpan.FromHours(mpesa.Value.ReviewAfterHours), now, ct))
                logger.LogError("Payment {PaymentId} had no final answer within {Hours} h and needs review by an operator", id, mpesa.Value.ReviewAfterHours);
        }

        var due = await payments.ClaimDueQueriesAsync(now, now + TimeSpan.FromMinutes(5), 20, ct);
        foreach (var payment in due)
        {
            if (payment.CheckoutRequestId is null) continue;
            var answer = await daraja.QueryAsync(payment.CheckoutRequestId, await keys.ForPaymentAsync(payment, ct), ct);
            await db.InTransactionAsync(async (c, t) =>
            {
                var current = await payments.GetForUpdateAsync(c, t, payment.Id, ct);
                if (current is null || current.Status != PaymentStatus.Initiated) return;
                switch (answer)
                {
                    case StkQueryOutcome.Succeeded:
                        // The query has no receipt; a kept callback has it, else reconciliation attaches it later.
                        var kept = current.RawCallback is { } raw ? StkCallbackParser.Parse(raw).Callback : null;
                        await settler.SettleAsync(c, t, current, kept?.MpesaReceiptNumber, null, ct);
                        break;
                    case StkQueryOutcome.Failed failed:
                        await settler.CloseAsync(c, t, current, failed.Status, failed.ResultCode, null, failed.Kind, null, ct);
                        break;
                    default:
                        await PaymentTransitions.ScheduleQueryAsync(c, t, current.Id,
                            clock.GetUtcNow() + options.Value.NextQueryDelay(current.QueryAttempts), clock.GetUtcNow(), ct);
                        break;
                }
            }, ct);
        }
    }
}
