using System.Data.Common;
using InvoiceFirst.Data.C2b;
using InvoiceFirst.Data.Invoices;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Payments;
using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Payments.Flow;

/// <summary>
/// A verified Paybill/Till confirmation becomes money: a SUCCESS payment (the receipt is its
/// idempotency key and unique receipt, so it is recorded once) applied to the invoice whose number
/// the payer typed, or recorded as unapplied and the merchant told.
/// </summary>
public sealed class C2bSettlement(
    PaymentSettler settler,
    IPaymentOutcomes outcomes,
    TimeProvider clock,
    ILogger<C2bSettlement> logger)
{
    /// <summary>
    /// The invoice the payer meant: the one whose payment reference they typed (unique across merchants), else the
    /// one invoice anywhere with that number. Several merchants share numbers: then nothing is guessed.
    /// </summary>
    /// <remarks>Money paid to a merchant's own shortcode (<paramref name="owner"/>) can only be for that merchant's invoices.</remarks>
    private static async Task<Invoice?> MatchAsync(DbConnection c, DbTransaction t, string account, long? owner, CancellationToken ct)
    {
        if (await InvoicePayments.FindByPaymentRefAsync(c, t, PaymentRefs.Key(account), ct) is { } byRef && (owner is null || byRef.MerchantId == owner))
            return byRef;
        var byNumber = (await InvoicePayments.FindByNormalizedNumberAsync(c, t, C2bParser.NormalizeAccount(account), ct))
            .Where(i => owner is null || i.MerchantId == owner).ToList();
        return byNumber.Count == 1 ? byNumber[0] : null;
    }

    public async Task ApplyAsync(DbConnection c, DbTransaction t, C2bConfirmation confirmation, CancellationToken ct)
    {
        var owner = (await MerchantMpesaRepository.FindByShortCodeAsync(c, t, confirmation.ShortCode, ct))?.MerchantId;
        var invoice = await MatchAsync(c, t, confirmation.Account, owner, ct);
        var now = clock.GetUtcNow();
        var payment = new Payment
        {
            InvoiceId = invoice?.Id,
            Method = PaymentMethod.C2b,
            Status = PaymentStatus.Success,
            AmountCents = confirmation.AmountCents,
            Msisdn = null,
            IdempotencyKey = "c2b:" + confirmation.TransId,
            MpesaReceipt = confirmation.TransId,
            RawCallback = confirmation.Raw,
            CreatedAt = now,
            SettledAt = now,
        };
        if (await PaymentRepository.TryInsertAsync(c, t, payment, ct) is not { } id)
        {
            logger.LogWarning("C2B receipt {TransId} is already recorded as a payment; not applied again", confirmation.TransId);
            return;
        }
        await C2bConfirmationRepository.AttachPaymentAsync(c, t, confirmation.Id, id, ct);

        payment = payment with { Id = id };
        if (invoice is not null)
        {
            await settler.ApplyAsync(c, t, payment, ct);
            return;
        }

        logger.LogWarning("C2B payment {TransId} matches no invoice; recorded as unapplied", confirmation.TransId);
        await outcomes.RaiseAsync(c, t, new PaymentOutcome.Unapplied(confirmation, id, owner), ct);
    }
}
