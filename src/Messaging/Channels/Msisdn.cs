namespace InvoiceFirst.Messaging.Channels;

/// <summary>Phone number forms: 12 digits (<c>254712345678</c>) inside, <c>+254…</c> for Twilio and Africa's Talking.</summary>
public static class Msisdn
{
    /// <summary>Strips <c>whatsapp:</c>, <c>+</c>, spaces and dashes; maps Kenyan local forms to 254….</summary>
    public static string ToDigits(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var s = value.Trim();
        if (s.StartsWith("whatsapp:", StringComparison.OrdinalIgnoreCase)) s = s["whatsapp:".Length..];
        var digits = new string(s.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 10 && digits[0] == '0') return "254" + digits[1..];
        if (digits.Length == 9 && (digits[0] == '7' || digits[0] == '1')) return "254" + digits;
        return digits;
    }

    public static string ToE164(string value) => "+" + ToDigits(value);

    /// <summary>E.164 allows at most 15 digits; anything shorter than 8 cannot be a mobile number.</summary>
    public static bool IsPlausible(string? value)
    {
        var digits = ToDigits(value);
        return digits.Length is >= 8 and <= 15 && digits[0] != '0';
    }
}
