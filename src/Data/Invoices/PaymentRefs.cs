using System.Globalization;

namespace InvoiceFirst.Data.Invoices;

/// <summary>
/// Payment references: the merchant's code, a hyphen and the invoice's sequence (<c>MM7-42</c>), at most 12
/// characters. Merchant codes are prefix-free, so no two references are the same however a customer types them
/// (case, spaces and the hyphen are ignored).
/// </summary>
public static class PaymentRefs
{
    public static string For(string merchantCode, string invoiceNumber) =>
        $"{merchantCode}-{long.Parse(invoiceNumber[(invoiceNumber.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture)}";

    /// <summary>What a typed account is compared by: its letters and digits, upper-cased.</summary>
    public static string Key(string? typed) => string.Concat((typed ?? "").Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();
}
