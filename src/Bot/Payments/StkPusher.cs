using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Data.Events;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Data.Telemetry;
using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Payments;

/// <summary>
/// Makes the one STK push a recorded payment stands for. The claim (push_started_at set by a
/// conditional update) comes first, so a payment is pushed at most once even if the worker and
/// an API request reach it together; the POST itself is never retried.
/// </summary>
public sealed class StkPusher(
    Db db,
    PaymentRepository payments,
    InvoiceRepository invoices,
    MerchantRepository merchants,
    DarajaClient daraja,
    PaymentNotices notices,
    IOptions<AppOptions> app,
    IOptions<PaymentOptions> options,
    TimeProvider clock,
    ILogger<StkPusher> logger)
{
    public string CallbackUrl(string token) => $"{app.Value.PublicBaseUrl.TrimEnd('/')}/payments/stk/callback/{token}";

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
        var request = new StkPushRequest(payment.Msisdn!, payment.Amount.Shillings, invoice.Number, invoice.Number,
            CallbackUrl(payment.CallbackToken!));
        var outcome = await daraja.StkPushAsync(request, ct);
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
                return;
            case StkPushOutcome.Rejected rejected:
                await RefuseAsync(payment, invoice, rejected, ct);
                return;
            default:
                // Perhaps a prompt reached the phone: only the callback (by token) or a human can tell now.
                logger.LogWarning("STK push for payment {PaymentId} has an unknown outcome; waiting for a callback", payment.Id);
                return;
        }
    }

    private async Task RefuseAsync(Payment payment, Invoice invoice, StkPushOutcome.Rejected rejected, CancellationToken ct)
    {
        var merchant = await merchants.GetAsync(invoice.MerchantId, ct);
        var lang = Language.FromCode(merchant?.Language);
        if (rejected.Kind == StkErrorKind.Configuration)
            logger.LogError("Daraja refused STK push for payment {PaymentId} as misconfigured: {ErrorCode}", payment.Id, rejected.ErrorCode);
        await db.InTransactionAsync(async (c, t) =>
        {
            if (!await PaymentTransitions.CloseAsync(c, t, payment.Id, PaymentStatus.Failed, rejected.ErrorCode, rejected.Description,
                    null, clock.GetUtcNow(), ct))
                return;
            await EventRepository.AddAsync(c, t, EventTypes.PaymentFailed, clock.GetUtcNow(), invoice.Id, payment.Id, status: PaymentStatus.Failed, ct: ct);
            await notices.ToPayerAsync(c, t, payment, payment.Msisdn!, invoice.Id,
                Replies.PushRefused(rejected.Kind.ToString(), invoice.Id, lang), OutboxPurpose.Reply, $"payment:refused:{payment.Id}", ct);
        }, ct);
    }
}
