using InvoiceFirst.Data.Domain;
using System.Data.Common;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Data.Conversations;
using InvoiceFirst.Data.Events;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Data.Telemetry;
using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Bot.Payments;

/// <summary>
/// Final outcomes of a payment, whoever learned them first (callback, query worker, C2B). Each
/// runs inside the caller's transaction and starts with a conditional update from INITIATED, so
/// a replayed or concurrent result finds nothing to do and has no second effect.
/// </summary>
public sealed class PaymentSettler(MerchantRepository merchants, PaymentNotices notices, TimeProvider clock, ILogger<PaymentSettler> logger)
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

    /// <summary>Money onto the invoice and receipts, for a payment row already recorded as SUCCESS.</summary>
    public async Task ApplyAsync(DbConnection c, DbTransaction t, Payment payment, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var before = await InvoicePayments.GetAsync(c, t, payment.InvoiceId!, ct) ?? throw new InvalidOperationException("Payment without invoice");
        var invoice = await InvoicePayments.ApplyPaymentAsync(c, t, before.Id, payment.AmountCents, now, ct);
        var raised = invoice.Status switch
        {
            InvoiceStatus.Paid when before.Status != InvoiceStatus.Paid => EventTypes.InvoicePaid,
            InvoiceStatus.PartiallyPaid => EventTypes.InvoicePartiallyPaid,
            _ => null,
        };
        if (raised is not null)
            await EventRepository.AddAsync(c, t, raised, now, invoice.Id, payment.Id, status: invoice.Status, ct: ct);
        var merchant = await merchants.GetAsync(invoice.MerchantId, ct) ?? throw new InvalidOperationException("Invoice without merchant");
        var lang = Language.FromCode(merchant.Language);
        var amount = payment.Amount;
        var balance = invoice.Balance.AtLeastZero;
        var payer = invoice.CustomerName ?? MobileNumber.ToLocal(payment.Msisdn ?? invoice.Msisdn);
        var payerPhone = payment.Msisdn is { Length: 12 } m ? m : invoice.Msisdn;
        var payerLang = await PayerLanguageAsync(c, t, payerPhone, merchant, invoice, ct);
        var receipt = Replies.CustomerReceipt(merchant.Name, invoice.Number, payment.MpesaReceipt, amount, balance, payerLang);

        // Part paid: the receipt carries the button for the next part.
        await notices.ToPayerAsync(c, t, payment, payerPhone, invoice.Id,
            balance.IsPositive && before.Status != InvoiceStatus.Cancelled ? receipt with { Buttons = [Replies.PayButton(invoice.Id, payerLang)] } : receipt,
            OutboxPurpose.Receipt, $"receipt:customer:{payment.Id}", ct);
        await notices.ToMerchantAsync(c, t, merchant.Id, merchant.Phone, invoice.Id,
            Replies.MerchantPaymentReceived(payer, invoice.Number, payment.MpesaReceipt, amount, balance, lang),
            $"receipt:merchant:{payment.Id}", ct);
        if (before.Status == InvoiceStatus.Cancelled)
        {
            // Money received is never ignored: the merchant decides whether to refund.
            await notices.ToMerchantAsync(c, t, merchant.Id, merchant.Phone, invoice.Id,
                Replies.MerchantPaidWhileClosed(payer, invoice.Number, amount, lang), $"receipt:closed:{payment.Id}", ct);
        }
        else if (invoice.Balance < Money.Zero)
        {
            // Paid twice (a Paybill payment and an approved prompt, say): M-PESA took it all, the merchant decides.
            await notices.ToMerchantAsync(c, t, merchant.Id, merchant.Phone, invoice.Id,
                Replies.MerchantOverpaid(payer, invoice.Number, -invoice.Balance, lang), $"notice:overpaid:{payment.Id}", ct);
        }
        // No amount: logs carry metadata only; the amount is in the payments table.
        logger.LogInformation("Payment {PaymentId} settled on invoice {InvoiceNumber}, now {Status}",
            payment.Id, invoice.Number, invoice.Status);
    }

    /// <summary>A definite non-success: FAILED/CANCELLED tell the payer and offer a retry; unknown codes go to a human.</summary>
    public async Task<bool> CloseAsync(DbConnection c, DbTransaction t, Payment payment, PaymentResultStatus status, string resultCode,
        string? resultDesc, PaymentFailureKind kind, string? rawCallback, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var target = status switch
        {
            PaymentResultStatus.Cancelled => PaymentStatus.Cancelled,
            PaymentResultStatus.Failed => PaymentStatus.Failed,
            PaymentResultStatus.NeedsReview => PaymentStatus.NeedsReview,
            _ => null,
        };
        if (target is null) return false;
        if (!await PaymentTransitions.CloseAsync(c, t, payment.Id, target, resultCode, resultDesc, rawCallback, now, ct)) return false;
        InvoiceFirstMetrics.Settlements.WithLabels(target.ToLowerInvariant()).Inc();
        if (target == PaymentStatus.NeedsReview)
        {
            logger.LogError("Payment {PaymentId} needs review: result {ResultCode} is not one we can act on", payment.Id, resultCode);
            return true;
        }

        await EventRepository.AddAsync(c, t, EventTypes.PaymentFailed, now, payment.InvoiceId, payment.Id, status: target, ct: ct);
        var invoice = await InvoicePayments.GetAsync(c, t, payment.InvoiceId!, ct);
        if (invoice is null) return true;
        var merchant = await merchants.GetAsync(invoice.MerchantId, ct);
        var lang = await PayerLanguageAsync(c, t, payment.Msisdn ?? invoice.Msisdn, merchant, invoice, ct);
        await notices.ToPayerAsync(c, t, payment, payment.Msisdn ?? invoice.Msisdn, invoice.Id,
            Replies.PaymentNotCompleted(kind, invoice.Number, invoice.Id, lang), OutboxPurpose.Reply,
            $"payment:failed:{payment.Id}", ct);
        return true;
    }

    /// <summary>What the payer reads: the language they wrote to us in, else the invoice's.</summary>
    private static async Task<Language> PayerLanguageAsync(DbConnection c, DbTransaction t, string payer, Merchant? merchant, Invoice invoice,
        CancellationToken ct) =>
        Language.FromCode(await ConversationRepository.LanguageOfAsync(c, t, payer, ct) ?? invoice.Language ?? merchant?.Language);

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
