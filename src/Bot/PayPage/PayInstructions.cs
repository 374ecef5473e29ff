using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Bot.PayPage;

/// <summary>How to pay by hand from the M-PESA menu, for phones the STK prompt does not reach.</summary>
public sealed record PayInstructions(bool IsTill, string BusinessNumber, string Account)
{
    public static PayInstructions? For(MpesaOptions mpesa, string paymentReference)
    {
        if (string.IsNullOrWhiteSpace(mpesa.EffectivePartyB)) return null;
        var till = string.Equals(mpesa.TransactionType, MpesaOptions.BuyGoods, StringComparison.OrdinalIgnoreCase);
        return new PayInstructions(till, mpesa.EffectivePartyB, paymentReference);
    }
}
