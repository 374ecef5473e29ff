using System.Text.RegularExpressions;

namespace InvoiceFirst.Messaging.WhatsApp;

/// <summary>
/// Meta's business-scoped user id (BSUID), the only identifier of a WhatsApp user who hides their
/// number behind a username: two-letter country code, a dot, up to 128 letters and digits
/// (<c>US.13491208655302741918</c>, parent ids <c>US.ENT.…</c>). Never a phone number.
/// </summary>
public static partial class WhatsAppUserId
{
    public static bool IsMatch(string? value) => value is { Length: > 3 and <= 140 } && Shape().IsMatch(value);

    [GeneratedRegex(@"^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
