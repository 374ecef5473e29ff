using System.Text.RegularExpressions;
using PhoneNumbers;

namespace InvoiceFirst.Data.Domain;

/// <summary>
/// The one phone-number normalizer. Inside, a number is 12 digits (<c>254712345678</c>, Daraja and
/// Meta style); people read and type the local form (<c>0712345678</c>); Twilio and Africa's Talking
/// want E.164 (<c>+254…</c>). A merchant's typed customer number is checked strictly as a Kenyan
/// mobile (<see cref="TryParseKenyan"/>); a provider's sender field is only brought to digits.
/// </summary>
public static partial class MobileNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>A Kenyan mobile in any form people write it (07…, 7…, 01…, 2547…, +2547…, with spaces or dashes).</summary>
    public static bool TryParseKenyan(string? input, out string msisdn)
    {
        msisdn = "";
        if (string.IsNullOrWhiteSpace(input)) return false;
        var compact = Separators().Replace(input.Trim(), "");
        if (!Shape().IsMatch(compact)) return false;
        var national = NationalNumber(compact.TrimStart('+'), hadPlus: compact[0] == '+');
        if (national is null || !IsMobile(national)) return false;
        msisdn = "254" + national;
        return true;
    }

    /// <summary><c>254712345678</c> → <c>0712345678</c>, the form people write and read.</summary>
    public static string ToLocal(string msisdn) =>
        msisdn.StartsWith("254", StringComparison.Ordinal) && msisdn.Length == 12 ? "0" + msisdn[3..] : msisdn;

    /// <summary>A provider's number field to digits: strips <c>whatsapp:</c>, <c>+</c>, spaces and dashes; Kenyan local forms become 254….</summary>
    public static string ToDigits(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var digits = new string(StripPrefix(value).Where(char.IsAsciiDigit).ToArray());
        return digits.Length is 9 or 10 && NationalNumber(digits, hadPlus: false) is { } national ? "254" + national : digits;
    }

    public static string ToE164(string value) => "+" + ToDigits(value);

    /// <summary>
    /// E.164 allows at most 15 digits; anything shorter than 8 cannot be a mobile number. Letters mean
    /// an identifier, not a number (a WhatsApp user id <c>CO.1234567890</c> must never become an SMS to +1234567890).
    /// </summary>
    public static bool IsPlausible(string? value) => TryPlausibleDigits(value, out _);

    /// <summary><see cref="IsPlausible"/> and <see cref="ToDigits"/> in one pass, for a sender that needs both.</summary>
    public static bool TryPlausibleDigits(string? value, out string digits)
    {
        digits = ToDigits(value);
        if (value is not null && StripPrefix(value).Any(char.IsAsciiLetter)) return false;
        return digits.Length is >= 8 and <= 15 && digits[0] != '0';
    }

    private static string? NationalNumber(string digits, bool hadPlus) => digits switch
    {
        { Length: 12 } when digits.StartsWith("254", StringComparison.Ordinal) => digits[3..],
        { Length: 10 } when !hadPlus && digits[0] == '0' => digits[1..],
        { Length: 9 } when !hadPlus && digits[0] is '7' or '1' => digits,
        _ => null,
    };

    private static bool IsMobile(string national)
    {
        if (national.Length != 9 || national[0] is not ('7' or '1')) return false;
        try
        {
            var number = Util.Parse("+254" + national, "KE");
            if (Util.IsValidNumber(number))
                return Util.GetNumberType(number) is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE;
        }
        catch (NumberParseException)
        {
        }

        // libphonenumber's metadata trails Safaricom/Airtel block allocations (011x arrived late);
        // the spec defines a Kenyan mobile as 254(7|1)x + 7 digits, so a number the table does not
        // know yet is accepted; only one it positively knows as non-mobile is refused.
        return true;
    }

    private static string StripPrefix(string value)
    {
        var s = value.Trim();
        return s.StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase) ? s["whatsapp:".Length..] : s;
    }

    [GeneratedRegex(@"[\s\-]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^\+?[0-9]+$")]
    private static partial Regex Shape();
}
