using System.Globalization;
using System.Text.RegularExpressions;

namespace InvoiceFirst.Bot.Kernel;

/// <summary>Invoice numbers as typed (INV-0042, inv-42, 0042, 42) in the canonical INV-0042 form.</summary>
public static partial class InvoiceNumber
{
    public static bool TryNormalize(string? input, out string number)
    {
        number = "";
        var match = Shape().Match(input?.Trim() ?? "");
        if (!match.Success)
        {
            return false;
        }

        var value = long.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        if (value == 0)
        {
            return false;
        }

        number = "INV-" + value.ToString("D4", CultureInfo.InvariantCulture);
        return true;
    }

    [GeneratedRegex(@"^(?:inv-?)?(?<n>[0-9]{1,12})$", RegexOptions.IgnoreCase)]
    private static partial Regex Shape();
}
