using System.Text.RegularExpressions;
using PhoneNumbers;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>Kenyan mobile numbers in the forms merchants type, normalized to 2547XXXXXXXX / 2541XXXXXXXX.</summary>
public static partial class KenyanPhone
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static bool TryNormalize(string? input, out string msisdn)
    {
        msisdn = "";
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var compact = Separators().Replace(input.Trim(), "");
        if (!Shape().IsMatch(compact))
        {
            return false;
        }

        var national = NationalNumber(compact);
        if (national is null || !IsMobile(national))
        {
            return false;
        }

        msisdn = "254" + national;
        return true;
    }

    private static string? NationalNumber(string compact)
    {
        var digits = compact.TrimStart('+');
        var hadPlus = digits.Length != compact.Length;
        return digits switch
        {
            { Length: 12 } when digits.StartsWith("254", StringComparison.Ordinal) => digits[3..],
            { Length: 10 } when !hadPlus && digits[0] == '0' => digits[1..],
            { Length: 9 } when !hadPlus => digits,
            _ => null,
        };
    }

    private static bool IsMobile(string national)
    {
        if (national.Length != 9 || national[0] is not ('7' or '1'))
        {
            return false;
        }

        try
        {
            var number = Util.Parse("+254" + national, "KE");
            if (Util.IsValidNumber(number))
            {
                return Util.GetNumberType(number) is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE;
            }
        }
        catch (NumberParseException)
        {
        }

        // libphonenumber's metadata trails Safaricom/Airtel block allocations (011x arrived late);
        // the spec defines a Kenyan mobile as 254(7|1)x + 7 digits, so a number the table does not
        // know yet is accepted; only one it positively knows as non-mobile is refused.
        return true;
    }

    [GeneratedRegex(@"[\s\-]")]
    private static partial Regex Separators();

    /// <summary><c>254712345678</c> → <c>0712345678</c>, the form people write and read.</summary>
    public static string ToLocal(string msisdn) =>
        msisdn.StartsWith("254", StringComparison.Ordinal) && msisdn.Length == 12 ? "0" + msisdn[3..] : msisdn;

    [GeneratedRegex(@"^\+?[0-9]+$")]
    private static partial Regex Shape();
}
