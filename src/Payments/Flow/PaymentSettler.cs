using InvoiceFirst.Data.Domain;
using System.Data.Common;
using InvoiceFirst.Data.Events;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Data.Telemetry;
using InvoiceFirst.Payments.Ledger;
using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Payments.Flow;

/// <summary>
/// Final outcomes of a payment, whoever learned them first (callback, query worker, C2B). Each
/// runs inside the caller's transaction and starts with a conditional update from INITIATED, so
/// a replayed or concurrent result finds nothing to do and has no second effect.
/// </summary>
public sealed class PaymentSettler(IPaymentOutcomes outcomes, MerchantLedger ledger, TimeProvider clock, ILogger<PaymentSettler> logger)
{
    /// <summary>INITIATED → SUCCESS, money onto the invoice, receipts to both sides. False when already final.</summary>
    public async Task<bool> SettleAsync(DbConnection c, DbTransaction t, Payment payment, string? receipt, string? rawCallback, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!await PaymentTransitions.SucceedAsync(c, t, payment.Id, receipt, rawCallback, now, ct)) return false;
        InvoiceFirstMetrics.Settlements.WithLabels("success").Inc();
        await ApplyAsync(c, t, payment with { MpesaReceipt = receipt }, ct);
        return true;
    }

    /// <summary>
    /// Money onto the invoice, onto the merchant's ledger when the deployment collected it, and receipts, for a payment row
    /// already recorded as SUCCESS.
    /// </summary>
    public async Task ApplyAsync(DbConnection c, DbTransaction t, Payment payment, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var before = await InvoicePayments.GetAsync(c, t, payment.InvoiceId!, ct) ?? throw new InvalidOperationException("Payment without invoice");
        var invoice = await InvoicePayments.ApplyPaymentAsync(c, t, before.Id, payment.AmountCents, now, ct);
        await ledger.CreditAsync(c, t, invoice.MerchantId, payment, ct);
        var raised = invoice.Status == InvoiceStatus.Paid && before.Status != InvoiceStatus.Paid ? EventTypes.InvoicePaid
            : invoice.Status == InvoiceStatus.PartiallyPaid ? EventTypes.InvoicePartiallyPaid
            : null;
        if (raised is not null)
            await EventRepository.AddAsync(c, t, raised, now, invoice.Id, payment.Id, status: invoice.Status.Value, ct: ct);
        await outcomes.RaiseAsync(c, t, new PaymentOutcome.Settled(payment, before, invoice), ct);
        // No amount: logs carry metadata only; the amount is in the payments table.
        logger.LogInformation("Payment {PaymentId} settled on invoice {InvoiceNumber}, now {Status}",
            payment.Id, invoice.Number, invoice.Status);
    }

    /// <summary>A definite non-success: FAILED/CANCELLED tell the payer and offer a retry; unknown codes go to a human.</summary>
    public async Task<bool> CloseAsync(DbConnection c, DbTransaction t, Payment payment, PaymentResultStatus status, string resultCode,
        string? resultDesc, PaymentFailureKind kind, string? rawCallback, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        PaymentStatus? closeAs = status switch
        {
            PaymentResultStatus.Cancelled => PaymentStatus.Cancelled,
            PaymentResultStatus.Failed => PaymentStatus.Failed,
            PaymentResultStatus.NeedsReview => PaymentStatus.NeedsReview,
            _ => null,
        };
        if (closeAs is not { } target) return false;
        if (!await PaymentTransitions.CloseAsync(c, t, payment.Id, target, resultCode, resultDesc, rawCallback, now, ct)) return false;
        InvoiceFirstMetrics.Settlements.WithLabels(target.Value.ToLowerInvariant()).Inc();
        if (target == PaymentStatus.NeedsReview)
        {
            logger.LogError("Payment {PaymentId} needs review: result {ResultCode} is not one we can act on", payment.Id, resultCode);
            return true;
        }

        await EventRepository.AddAsync(c, t, EventTypes.PaymentFailed, now, payment.InvoiceId, payment.Id, status: target.Value, ct: ct);
        if (await InvoicePayments.GetAsync(c, t, payment.InvoiceId!, ct) is { } invoice)
            await outcomes.RaiseAsync(c, t, new PaymentOutcome.NotCompleted(payment, invoice, kind), ct);
        return true;
    }

    public async Task MarkForReviewAsync(DbConnection c, DbTransaction t, Payment payment, string reason, string? rawCallback, CancellationToken ct)
    {
        if (!await PaymentTransitions.CloseAsync(c, t, payment.Id, PaymentStatus.NeedsReview, null, reason, rawCallback, clock.GetUtcNow(), ct))
            return;
        NeedsReview(payment, reason);
    }

    /// <summary>A success reported after the payment was closed: never settled here, handed to a person.</summary>
    public async Task ReopenForReviewAsync(DbConnection c, DbTransaction t, Payment payment, string reason, string? rawCallback, CancellationToken ct)
    {
        if (!await PaymentTransitions.ReopenForReviewAsync(c, t, payment.Id, reason, rawCallback, clock.GetUtcNow(), ct))
            return;
        NeedsReview(payment, reason);
    }

    private void NeedsReview(Payment payment, string reason)
    {
        InvoiceFirstMetrics.Settlements.WithLabels("needs_review").Inc();
        logger.LogError("Payment {PaymentId} needs review: {Reason}", payment.Id, reason);
    }
}
