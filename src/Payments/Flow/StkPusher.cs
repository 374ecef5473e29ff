using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Events;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Data.Telemetry;
using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Payments.Flow;

/// <summary>
/// Makes the one STK push a recorded payment stands for. The claim (push_started_at set by a
/// conditional update) comes first, so a payment is pushed at most once even if the worker and
/// an API request reach it together; the POST itself is never retried.
/// </summary>
public sealed class StkPusher(
    Db db,
    PaymentRepository payments,
    InvoiceRepository invoices,
    DarajaClient daraja,
    Merchants.MerchantDarajaKeys keys,
    IPaymentOutcomes outcomes,
    PaymentHost host,
    IOptions<PaymentOptions> options,
    TimeProvider clock,
    ILogger<StkPusher> logger)
{
    public string CallbackUrl(string token) => host.Url($"/payments/stk/callback/{token}");

    /// <summary>Claims and pushes one payment; false when it was already claimed elsewhere.</summary>
    public async Task<bool> TryPushAsync(long paymentId, CancellationToken ct)
    {
        var claimed = await payments.ClaimPushAsync(paymentId, clock.GetUtcNow(), ct);
        if (claimed is null) return false;
        await PushAsync(claimed, ct);
        return true;
    }

    /// <summary>Pushes a payment this caller has claimed.</summary>
    public async Task PushAsync(Payment payment, CancellationToken ct)
    {
        var invoice = await invoices.GetAsync(payment.InvoiceId!, ct) ?? throw new InvalidOperationException("Payment without invoice");
        var request = new StkPushRequest(payment.Msisdn!, payment.Amount.Shillings, invoice.PaymentReference, invoice.Number,
            CallbackUrl(payment.CallbackToken!));
        // The merchant's own Daraja app when it has one; recorded before the push leaves, so its query asks the same app.
        var account = await keys.ForMerchantAsync(invoice.MerchantId, ct);
        // The deployment's app is what a null column already means: only a merchant's own app costs a write.
        if (!account.IsDeployment)
            await using (var connection = await db.OpenAsync(ct))
                await PaymentTransitions.RecordAccountAsync(connection, payment.Id, account.Key, ct);
        var outcome = await daraja.StkPushAsync(request, account, ct);
        InvoiceFirstMetrics.StkPushes.WithLabels(outcome switch
        {
            StkPushOutcome.Accepted => "accepted",
            StkPushOutcome.Rejected => "rejected",
            _ => "unknown",
        }).Inc();
        var now = clock.GetUtcNow();
        switch (outcome)
        {
            case StkPushOutcome.Accepted accepted:
                await using (var connection = await db.OpenAsync(ct))
                    await PaymentTransitions.RecordAcceptedAsync(connection, payment.Id, accepted.MerchantRequestId,
                        accepted.CheckoutRequestId, now + options.Value.QueryAfter, now, ct);
                await keys.MarkUsedAsync(account, now, ct); // what "mpesa" tells the owner: keys last used
                return;
            case StkPushOutcome.Rejected rejected:
                await RefuseAsync(payment with { DarajaAccount = account.IsDeployment ? null : account.Key, ResultCode = rejected.ErrorCode }, invoice, rejected, ct);
                return;
            default:
                // Perhaps a prompt reached the phone: only the callback (by token) or a human can tell now.
                logger.LogWarning("STK push for payment {PaymentId} has an unknown outcome; waiting for a callback", payment.Id);
                return;
        }
    }

    private async Task RefuseAsync(Payment payment, Invoice invoice, StkPushOutcome.Rejected rejected, CancellationToken ct)
    {
        if (rejected.Kind == StkErrorKind.Configuration)
            logger.LogError("Daraja refused STK push for payment {PaymentId} as misconfigured: {ErrorCode}", payment.Id, rejected.ErrorCode);
        await db.InTransactionAsync(async (c, t) =>
        {
            if (!await PaymentTransitions.CloseAsync(c, t, payment.Id, PaymentStatus.Failed, rejected.ErrorCode, rejected.Description,
                    null, clock.GetUtcNow(), ct))
                return;
            await EventRepository.AddAsync(c, t, EventTypes.PaymentFailed, clock.GetUtcNow(), invoice.Id, payment.Id, status: PaymentStatus.Failed.Value, ct: ct);
            await outcomes.RaiseAsync(c, t, new PaymentOutcome.PushRefused(payment, invoice, rejected.Kind), ct);
        }, ct);
    }
}
