using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Domain;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Bot.Ops;

/// <summary>
/// Who is an operator: the phones of <c>Platform:Operators</c>, normalized like merchant phones. Read from the
/// current settings on every call, so a phone taken off the list loses the console at its next request.
/// </summary>
public sealed class OperatorPhones(IOptionsMonitor<PlatformOptions> platform)
{
    public bool Contains(string phone) => TryReadList(platform.CurrentValue.Operators, out var phones) && phones.Contains(phone);

    /// <summary>The list's phones (not named TryParse: minimal APIs would take the class for a route value); false when an entry is not a Kenyan mobile number (start-up refuses that list).</summary>
    public static bool TryReadList(string? list, out IReadOnlySet<string> phones)
    {
        var parsed = new HashSet<string>(StringComparer.Ordinal);
        phones = parsed;
        foreach (var entry in (list ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!MobileNumber.TryParseKenyan(entry, out var phone)) return false;
            parsed.Add(phone);
        }
        return true;
    }
}
