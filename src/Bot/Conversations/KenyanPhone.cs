namespace InvoiceFirst.Bot.Conversations;

// Placeholder until the conversation core lands.
public static class KenyanPhone
{
    public static bool TryNormalize(string input, out string msisdn)
    {
        var digits = new string(input.Where(char.IsDigit).ToArray());
        if (digits.StartsWith("254")) digits = digits[3..];
        if (digits.StartsWith('0')) digits = digits[1..];
        msisdn = "254" + digits;
        return digits.Length == 9 && digits[0] is '7' or '1';
    }
}
