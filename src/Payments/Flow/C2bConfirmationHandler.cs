using InvoiceFirst.Data.Domain;
using System.Data.Common;
using InvoiceFirst.Data.C2b;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Inbox;
using InvoiceFirst.Data.Review;
using InvoiceFirst.Payments.Mpesa;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Payments.Flow;

/// <summary>
/// A Paybill/Till confirmation, stored as received: nothing is paid and nobody is told until
/// Transaction Status confirms it (<see cref="C2bVerifier"/>). The receipt is unique, so a
/// replayed confirmation stores nothing.
/// </summary>
public sealed class C2bConfirmationHandler(
    IOptions<MpesaOptions> mpesa,
    C2bVerifierSignal verifier,
    TimeProvider clock,
    ILogger<C2bConfirmationHandler> logger)
{
    public async Task HandleAsync(DbConnection c, DbTransaction t, C2bConfirmationReceived inbound, CancellationToken ct)
    {
        var parsed = inbound.Parsed;
        if (!parsed.IsValid)
        {
            logger.LogError("C2B confirmation {TransId} could not be read and is kept for review: {Error}", parsed.TransId, parsed.Error);
            await ReviewItemRepository.AddAsync(c, t, ReviewItem.Of(inbound, ReviewSources.C2bConfirmation, parsed.Error, clock.GetUtcNow()), ct);
            return;
        }

        var paid = parsed.Payment;
        var now = clock.GetUtcNow();
        // Ours: the deployment's shortcode, or a merchant's own that is saved with its app (its URLs registered with it).
        var ours = paid.BusinessShortCode == mpesa.Value.ShortCode || paid.BusinessShortCode == mpesa.Value.EffectivePartyB
            || await MerchantMpesaRepository.FindByShortCodeAsync(c, t, paid.BusinessShortCode, ct) is not null;
        var confirmation = new C2bConfirmation
        {
            TransId = paid.TransId,
            AmountCents = Money.FromShillings(paid.AmountShillings).Cents,
            ShortCode = paid.BusinessShortCode,
            Account = paid.BillRefNumber,
            Payer = paid.FirstName.Length > 0 ? paid.FirstName : paid.MaskedMsisdn,
            Raw = inbound.Raw,
            Status = ours ? C2bConfirmationStatus.Received : C2bConfirmationStatus.Rejected,
            Reason = ours ? null : "paid to a shortcode that is not ours",
            NextQueryAt = ours ? now : null,
            ReceivedAt = now,
        };
        if (await C2bConfirmationRepository.TryInsertAsync(c, t, confirmation, ct) is null)
        {
            logger.LogInformation("C2B confirmation {TransId} already received", paid.TransId);
            return;
        }
        if (!ours)
        {
            logger.LogWarning("Suspicious C2B confirmation {TransId}: shortcode is not ours; rejected", paid.TransId);
            return;
        }
        verifier.Notify();
    }
}
