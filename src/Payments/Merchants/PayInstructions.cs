using System.Data.Common;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Payments.Merchants;

/// <summary>
/// How to pay an invoice by hand from the M-PESA menu, for phones the STK prompt does not reach: into the merchant's own
/// Paybill or Till when it has its own Daraja app, else the deployment's. <see cref="Account"/> is the invoice's payment
/// reference; a Till (Buy Goods) has no account field, so the customer quotes it to the seller instead.
/// </summary>
public sealed record PayInstructions(bool IsTill, string BusinessNumber, string Account)
{
    public static PayInstructions? For(MerchantMpesa? own, MpesaOptions deployment, string paymentReference)
    {
        if (own is { IsActive: true })
            return own.Kind == MerchantDarajaKeys.Till
                ? new PayInstructions(true, own.PartyB is { Length: > 0 } till ? till : own.ShortCode, paymentReference)
                : new PayInstructions(false, own.ShortCode, paymentReference);
        if (string.IsNullOrWhiteSpace(deployment.EffectivePartyB)) return null;
        var isTill = string.Equals(deployment.TransactionType, MpesaOptions.BuyGoods, StringComparison.OrdinalIgnoreCase);
        return new PayInstructions(isTill, deployment.EffectivePartyB, paymentReference);
    }

    /// <summary>The instructions for one of <paramref name="merchantId"/>'s invoices, read in the caller's transaction.</summary>
    public static async Task<PayInstructions?> ForAsync(DbConnection connection, DbTransaction? transaction, MpesaOptions deployment,
        long merchantId, string paymentReference, CancellationToken ct) =>
        For(await MerchantMpesaRepository.GetAsync(connection, transaction, merchantId, ct), deployment, paymentReference);
}
