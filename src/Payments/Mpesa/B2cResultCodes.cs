namespace InvoiceFirst.Payments.Mpesa;

/// <summary>What a B2C ResultCode means, in words an operator can act on (spec 4.12, as captured from the portal).</summary>
public static class B2cResultCodes
{
    private static readonly Dictionary<string, string> Meanings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["1"] = "Not enough money in the shortcode's B2C utility account",
        ["2"] = "Below the B2C minimum (KES 10)",
        ["3"] = "Above the B2C maximum per transaction (KES 250,000)",
        ["4"] = "The daily B2C limit is reached",
        ["8"] = "The recipient's maximum balance would be exceeded",
        ["11"] = "The debit party (our shortcode) is invalid",
        ["21"] = "The initiator lacks the B2C role",
        ["2001"] = "Wrong initiator name or password",
        ["2006"] = "The account is inactive",
        ["2028"] = "The shortcode does not have the B2C product",
        ["2040"] = "The recipient is not a registered M-PESA customer",
        ["8006"] = "The initiator's security credential is locked",
    };

    /// <summary>The meaning of <paramref name="code"/>, else Daraja's own description.</summary>
    public static string Meaning(string code, string? description) =>
        Meanings.TryGetValue(code.Trim(), out var meaning) ? meaning : string.IsNullOrWhiteSpace(description) ? $"ResultCode {code}" : description;
}
