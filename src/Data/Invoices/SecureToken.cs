using System.Buffers.Text;
using System.Security.Cryptography;

namespace InvoiceFirst.Data.Invoices;

/// <summary>Unguessable URL-safe tokens (pay links, callback paths).</summary>
public static class SecureToken
{
    /// <summary>192 random bits, base64url without padding (32 characters).</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    /// <summary>What a token is stored as, so a copy of the database opens nothing: its SHA-256, in hex.</summary>
    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));
}
