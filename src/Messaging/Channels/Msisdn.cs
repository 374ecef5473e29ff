namespace InvoiceFirst.Messaging.Channels;

/// <summary>Phone number forms: 12 digits (<c>254712345678</c>) inside, <c>+254…</c> for Twilio and Africa's Talking.</summary>
public static class Msisdn
{
    /// <summary>Strips <c>whatsapp:</c>, <c>+</c>, spaces and dashes; maps Kenyan local forms to 254….</summary>
    public static string ToDigits(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var s = StripPrefix(value);
        var digits = new string(s.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 10 && digits[0] == '0') return "254" + digits[1..];
        if (digits.Length == 9 && (digits[0] == '7' || digits[0] == '1')) return "254" + digits;
        return digits;
    }

    public static string ToE164(string value) => "+" + ToDigits(value);

    /// <summary>
    /// E.164 allows at most 15 digits; anything shorter than 8 cannot be a mobile number. Letters mean
    /// an identifier, not a number (a WhatsApp user id <c>CO.1234567890</c> must never become an SMS to +1234567890).
    /// </summary>
    public static bool IsPlausible(string? value)
    {
        if (value is not null && StripPrefix(value).Any(char.IsAsciiLetter)) return false;
        var digits = ToDigits(value);
        return digits.Length is >= 8 and <= 15 && digits[0] != '0';
    }

    private static string StripPrefix(string value)
    {
        var s = value.Trim();
        return s.StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase) ? s["whatsapp:".Length..] : s;
    }
}
