namespace InvoiceFirst.Data.Domain;

/// <summary>
/// Net, VAT and gross of an invoice, in whole shillings (M-PESA moves no cents). Kenya's standard rate, 16%.
/// Rounding is half up to the shilling, done once: inclusive, net = round(gross × 100 / 116) and VAT = gross − net;
/// exclusive, VAT = round(net × 16 / 100) and gross = net + VAT. So net + VAT = gross always, to the cent.
/// </summary>
public readonly record struct VatBreakdown(VatMode Mode, Money Net, Money Vat, Money Gross)
{
    public const int RatePercent = 16;

    /// <summary>The invoice for <paramref name="charged"/> (the sum of the items, or the one amount) under <paramref name="mode"/>.</summary>
    public static VatBreakdown For(VatMode mode, Money charged)
    {
        var shillings = charged.Shillings;
        return mode switch
        {
            VatMode.Inclusive => FromNet(mode, RoundHalfUp(shillings * 100, 100 + RatePercent), shillings),
            VatMode.Exclusive => FromNet(mode, shillings, shillings + RoundHalfUp(shillings * RatePercent, 100)),
            _ => new VatBreakdown(VatMode.None, charged, Money.Zero, charged),
        };
    }

    /// <summary>An invoice as stored: its gross amount and the VAT in it.</summary>
    public static VatBreakdown Of(VatMode mode, Money gross, Money vat) => new(mode, gross - vat, vat, gross);

    public bool ShowsVat => Mode != VatMode.None;

    private static VatBreakdown FromNet(VatMode mode, long net, long gross) =>
        new(mode, Money.FromShillings(net), Money.FromShillings(gross - net), Money.FromShillings(gross));

    private static long RoundHalfUp(long numerator, long denominator) => checked((2 * numerator) + denominator) / (2 * denominator);
}
