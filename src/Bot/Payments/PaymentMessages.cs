using System.Data.Common;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Data.Conversations;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Data.Staff;
using InvoiceFirst.Bot.Invoices;
using InvoiceFirst.Payments.Flow;
using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Bot.Payments;

/// <summary>
/// Turns payment outcomes into messages to the payer and to the merchant (and the staff member who sent the invoice), queued in the outbox in the transaction
/// that recorded the outcome; each dedupe key is sent once.
/// </summary>
public sealed class PaymentMessages(MerchantDirectory directory, InvoiceDocumentMessages documents, TimeProvider clock)
    : IPaymentOutcomes
{
    public Task RaiseAsync(DbConnection c, DbTransaction t, PaymentOutcome outcome, CancellationToken ct) => outcome switch
    {
        PaymentOutcome.Settled settled => SettledAsync(c, t, settled, ct),
        PaymentOutcome.NotCompleted failed => NotCompletedAsync(c, t, failed, ct),
        PaymentOutcome.PushRefused refused => PushRefusedAsync(c, t, refused, ct),
        PaymentOutcome.Unapplied unapplied => UnappliedAsync(c, t, unapplied, ct),
        PaymentOutcome.PaidOut paidOut => PaidOutAsync(c, t, paidOut, ct),
        PaymentOutcome.PayoutFailed failed => PayoutFailedAsync(c, t, failed, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.GetType().Name, "No message for this outcome"),
    };

    private async Task SettledAsync(DbConnection c, DbTransaction t, PaymentOutcome.Settled settled, CancellationToken ct)
    {
        var (payment, before, invoice) = settled;
        var merchant = await MerchantRepository.GetAsync(c, t, invoice.MerchantId, ct) ?? throw new InvalidOperationException("Invoice without merchant");
        var lang = Language.FromCode(merchant.Language);
        var amount = payment.Amount;
        var balance = invoice.Balance.AtLeastZero;
        var payer = invoice.CustomerName ?? MobileNumber.ToLocal(payment.Msisdn ?? invoice.Msisdn);
        var payerPhone = payment.Msisdn is { Length: 12 } m ? m : invoice.Msisdn;
        var payerLang = await PayerLanguageAsync(c, t, payerPhone, invoice, merchant, ct);
        var receipt = Replies.CustomerReceipt(merchant.Name, invoice.Number, payment.MpesaReceipt, amount, balance, payerLang);

        // Part paid: the receipt carries the button for the next part.
        await ToPayerAsync(c, t, payment, payerPhone, invoice.Id,
            balance.IsPositive && before.Status != InvoiceStatus.Cancelled ? receipt with { Buttons = [InvoiceTexts.PayButton(invoice.Id, payerLang)] } : receipt,
            OutboxPurpose.Receipt, $"receipt:customer:{payment.Id}", ct);
        // SMS payers have the pay link; WhatsApp payers get the receipt PDF after the receipt text.
        if (payment.ReplyChannel != Channels.Sms
            && await documents.ForReceiptAsync(c, t, merchant, invoice, payment.Id, payerPhone, payerLang, clock.GetUtcNow(), ct) is { } pdf)
            await OutboxRepository.EnqueueAsync(c, t, pdf, ct);
        await ToMerchantAsync(c, t, merchant, invoice.Id,
            Replies.MerchantPaymentReceived(payer, invoice.Number, payment.MpesaReceipt, amount, balance, lang),
            $"receipt:merchant:{payment.Id}", ct);
        await ToStaffAsync(c, t, merchant, invoice,
            staffLang => Replies.MerchantPaymentReceived(payer, invoice.Number, payment.MpesaReceipt, amount, balance, staffLang),
            $"receipt:staff:{payment.Id}", ct);
        if (before.Status == InvoiceStatus.Cancelled)
        {
            // Money received is never ignored: the merchant decides whether to refund.
            await ToMerchantAsync(c, t, merchant, invoice.Id,
                Replies.MerchantPaidWhileClosed(payer, invoice.Number, amount, lang), $"receipt:closed:{payment.Id}", ct);
        }
        else if (invoice.Balance < Money.Zero)
        {
            // Paid twice (a Paybill payment and an approved prompt, say): M-PESA took it all, the merchant decides.
            await ToMerchantAsync(c, t, merchant, invoice.Id,
                Replies.MerchantOverpaid(payer, invoice.Number, -invoice.Balance, lang), $"notice:overpaid:{payment.Id}", ct);
        }
    }

    private async Task NotCompletedAsync(DbConnection c, DbTransaction t, PaymentOutcome.NotCompleted failed, CancellationToken ct)
    {
        var (payment, invoice, kind) = failed;
        var lang = await PayerLanguageAsync(c, t, payment.Msisdn ?? invoice.Msisdn, invoice, null, ct);
        await ToPayerAsync(c, t, payment, payment.Msisdn ?? invoice.Msisdn, invoice.Id,
            Replies.PaymentNotCompleted(kind, invoice.Number, invoice.Id, lang), OutboxPurpose.Reply, $"payment:failed:{payment.Id}", ct);
    }

    private async Task PushRefusedAsync(DbConnection c, DbTransaction t, PaymentOutcome.PushRefused refused, CancellationToken ct)
    {
        var (payment, invoice, kind) = refused;
        var lang = await PayerLanguageAsync(c, t, payment.Msisdn!, invoice, null, ct);
        await ToPayerAsync(c, t, payment, payment.Msisdn!, invoice.Id,
            Replies.PushRefused(kind, invoice.Id, lang), OutboxPurpose.Reply, $"payment:refused:{payment.Id}", ct);
        // Refused because of the merchant's own keys: only they can fix it, so they are told what to do (once a day).
        if (kind == StkErrorKind.Configuration && payment.DarajaAccount is not null
            && await MerchantRepository.GetAsync(c, t, invoice.MerchantId, ct) is { } merchant)
            await ToMerchantAsync(c, t, merchant, invoice.Id,
                Replies.MpesaKeysRefused(invoice.Number, payment.ResultCode ?? "", Language.FromCode(merchant.Language)),
                $"mpesa:keys-refused:{payment.DarajaAccount}:{Data.Time.NairobiTime.Date(payment.CreatedAt):yyyyMMdd}", ct);
    }

    private async Task UnappliedAsync(DbConnection c, DbTransaction t, PaymentOutcome.Unapplied unapplied, CancellationToken ct)
    {
        var confirmation = unapplied.Confirmation;
        // Whose money it is: the merchant whose own shortcode it was paid to, else the one whose code starts what the payer
        // typed, else the deployment's own merchant.
        var merchant = (unapplied.ShortCodeOwner ?? await MerchantPayments.OwnerByCodeAsync(c, t, PaymentRefs.Key(confirmation.Account), ct)) is { } owner
            ? await MerchantRepository.GetAsync(c, t, owner, ct)
            : await directory.ConfiguredAsync(c, t, ct);
        if (merchant is null) return;
        await MerchantPayments.HoldForAsync(c, t, unapplied.PaymentId, merchant.Id, ct);
        await ToMerchantAsync(c, t, merchant, null,
            Replies.MerchantUnappliedPayment(confirmation.Payer, confirmation.Account, confirmation.TransId, confirmation.Amount,
                Language.FromCode(merchant.Language)),
            $"c2b:unapplied:{confirmation.TransId}", ct);
    }

    private async Task PaidOutAsync(DbConnection c, DbTransaction t, PaymentOutcome.PaidOut paidOut, CancellationToken ct)
    {
        var payout = paidOut.Payout;
        if (await MerchantRepository.GetAsync(c, t, payout.MerchantId, ct) is not { } merchant) return;
        await ToMerchantAsync(c, t, merchant, null, Replies.PayoutPaid(payout.Amount, payout.Receipt!, Language.FromCode(merchant.Language)),
            $"payout:paid:{payout.Id}", ct);
    }

    private async Task PayoutFailedAsync(DbConnection c, DbTransaction t, PaymentOutcome.PayoutFailed failed, CancellationToken ct)
    {
        var payout = failed.Payout;
        if (await MerchantRepository.GetAsync(c, t, payout.MerchantId, ct) is not { } merchant) return;
        await ToMerchantAsync(c, t, merchant, null, Replies.PayoutFailed(payout.Amount, Language.FromCode(merchant.Language)),
            $"payout:failed:{payout.Id}", ct);
    }

    /// <summary>What the payer reads: the language they wrote to us in, else the invoice's (older invoices: the merchant's).</summary>
    private async Task<Language> PayerLanguageAsync(DbConnection c, DbTransaction t, string payer, Invoice invoice, Merchant? merchant,
        CancellationToken ct)
    {
        if (await ConversationRepository.LanguageOfAsync(c, t, payer, ct) is { } spoken) return Language.FromCode(spoken);
        if (invoice.Language is { } sent) return Language.FromCode(sent);
        return Language.FromCode((merchant ?? await MerchantRepository.GetAsync(c, t, invoice.MerchantId, ct))?.Language);
    }

    private Task ToPayerAsync(DbConnection c, DbTransaction t, Payment payment, string recipient, string? invoiceId, Reply reply,
        OutboxPurpose purpose, string dedupeKey, CancellationToken ct)
    {
        var bySms = payment.ReplyChannel == Channels.Sms;
        return EnqueueAsync(c, t, null, invoiceId, recipient, bySms ? Channels.Sms : null, reply.ToMessage(bySms), purpose, dedupeKey, ct);
    }

    private Task ToMerchantAsync(DbConnection c, DbTransaction t, Merchant merchant, string? invoiceId, Reply reply, string dedupeKey,
        CancellationToken ct) =>
        EnqueueAsync(c, t, merchant.Id, invoiceId, merchant.Phone, null, reply.ToMessage(), OutboxPurpose.Receipt, dedupeKey, ct);

    /// <summary>The staff member who sent the invoice hears of its payment too, in their own language (nobody once removed).</summary>
    private async Task ToStaffAsync(DbConnection c, DbTransaction t, Merchant merchant, Invoice invoice, Func<Language, Reply> reply,
        string dedupeKey, CancellationToken ct)
    {
        if (invoice.CreatedBy is not { } phone || await StaffRepository.GetAsync(c, t, merchant.Id, phone, ct) is not { } member) return;
        await EnqueueAsync(c, t, merchant.Id, invoice.Id, member.Phone, null,
            reply(Language.FromCode(member.Language ?? merchant.Language)).ToMessage(), OutboxPurpose.Receipt, dedupeKey, ct);
    }

    private Task EnqueueAsync(DbConnection c, DbTransaction t, long? merchantId, string? invoiceId, string recipient, string? channel,
        OutboundMessage message, OutboxPurpose purpose, string dedupeKey, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // A customer who asked by SMS still gets the receipt there; WhatsApp messages also carry an SMS form for fallback.
        var withSms = message.SmsText is null ? message with { SmsText = message.Text } : message;
        return OutboxRepository.EnqueueAsync(c, t, OutboxEntry.Due(recipient, purpose, withSms, dedupeKey, now, merchantId, invoiceId, channel), ct);
    }
}
