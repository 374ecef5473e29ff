namespace InvoiceFirst.Data.Privacy;

/// <summary>Redaction for logs: logs carry metadata, never full numbers.</summary>
public static class Mask
{
    /// <summary><c>254712345678</c> → <c>2547****678</c>.</summary>
    public static string Phone(string? msisdn)
    {
        if (string.IsNullOrEmpty(msisdn)) return "";
        var digits = msisdn.TrimStart('+');
        return digits.Length <= 7 ? new string('*', digits.Length) : $"{digits[..4]}****{digits[^3..]}";
    }
}
