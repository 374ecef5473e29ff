using System.Data.Common;
using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Invoices;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Bot.Payments;

/// <summary>
/// A Paybill/Till payment made by hand. The M-PESA receipt (TransID) is the idempotency key and
/// the unique receipt, so a replayed confirmation inserts nothing and has no effect.
/// </summary>
public sealed class C2bConfirmationHandler(
    PaymentSettler settler,
    PaymentNotices notices,
    MerchantDirectory merchants,
    TimeProvider clock,
    ILogger<C2bConfirmationHandler> logger)
{
    public async Task HandleAsync(DbConnection c, DbTransaction t, InboundEvent inbound, CancellationToken ct)
    {
        var parsed = C2bParser.Parse(inbound.Raw ?? "");
        if (!parsed.IsValid)
        {
            logger.LogError("C2B confirmation {TransId} could not be read and needs review: {Error}", parsed.TransId, parsed.Error);
            return;
        }

        var paid = parsed.Payment;
        var matches = await InvoicePayments.FindByNormalizedNumberAsync(c, t, paid.NormalizedAccount, ct);
        // Only one merchant per deployment today; with several, two could share a number and we must not guess.
        var invoice = matches.Count == 1 ? matches[0] : null;
        var now = clock.GetUtcNow();
        var payment = new Payment
        {
            InvoiceId = invoice?.Id,
            Method = PaymentMethod.C2b,
            Status = PaymentStatus.Success,
            AmountCents = paid.AmountShillings * 100,
            Msisdn = null,
            IdempotencyKey = "c2b:" + paid.TransId,
            MpesaReceipt = paid.TransId,
            RawCallback = inbound.Raw,
            CreatedAt = now,
            SettledAt = now,
        };
        if (await PaymentRepository.TryInsertAsync(c, t, payment, ct) is not { } id)
        {
            logger.LogInformation("C2B confirmation {TransId} already recorded", paid.TransId);
            return;
        }

        payment = payment with { Id = id };
        if (invoice is not null)
        {
            await settler.ApplyAsync(c, t, payment, ct);
            return;
        }

        var merchant = await merchants.ConfiguredAsync(ct);
        logger.LogWarning("C2B payment {TransId} matches no invoice; recorded as unapplied", paid.TransId);
        if (merchant is null) return;
        var payer = paid.FirstName.Length > 0 ? paid.FirstName : paid.MaskedMsisdn;
        await notices.ToMerchantAsync(c, t, merchant.Id, merchant.Phone, null,
            Replies.MerchantUnappliedPayment(payer, paid.BillRefNumber, paid.TransId, paid.AmountShillings, Language.FromCode(merchant.Language)),
            $"c2b:unapplied:{paid.TransId}", ct);
    }
}
