using System.Security.Cryptography;
using System.Text;

namespace InvoiceFirst.Messaging.WhatsApp;

/// <summary>The GET handshake: answer 200 with the raw challenge only when this returns true, else 403.</summary>
public static class WhatsAppVerification
{
    public static bool TryVerify(string? mode, string? verifyToken, string? challenge, string? configuredToken)
    {
        if (mode != "subscribe" || string.IsNullOrEmpty(challenge)
            || string.IsNullOrEmpty(configuredToken) || verifyToken is null)
            return false;
        return CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(verifyToken), Encoding.UTF8.GetBytes(configuredToken));
    }
}
