using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Bot.Conversations;

public static partial class Keywords
{
    // The word after vat, in either language whatever the merchant's.
    private static readonly Dictionary<string, VatMode> VatModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["none"] = VatMode.None,
        ["off"] = VatMode.None,
        ["hakuna"] = VatMode.None,
        ["inclusive"] = VatMode.Inclusive,
        ["incl"] = VatMode.Inclusive,
        ["ndani"] = VatMode.Inclusive,
        ["exclusive"] = VatMode.Exclusive,
        ["excl"] = VatMode.Exclusive,
        ["nje"] = VatMode.Exclusive,
    };

    public static bool TryVatMode(string input, out VatMode mode) => VatModes.TryGetValue(input.Trim(), out mode);
}
