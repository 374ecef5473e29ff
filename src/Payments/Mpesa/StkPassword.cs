using System.Text;

namespace InvoiceFirst.Payments.Mpesa;

public static class StkPassword
{
    /// <summary>Base64(ShortCode + Passkey + Timestamp); the timestamp must be the one sent in the body.</summary>
    public static string Compute(string shortCode, string passkey, string timestamp) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(shortCode + passkey + timestamp));
}
