using System.Security.Cryptography;
using System.Text;

namespace InvoiceFirst.Messaging.WhatsApp;

/// <summary><c>X-Hub-Signature-256</c>: <c>sha256=</c> + lowercase hex HMAC-SHA256 of the raw body with the App Secret.</summary>
public static class WhatsAppSignature
{
    public const string HeaderName = "X-Hub-Signature-256";
    private const string Prefix = "sha256=";

    /// <summary>Hash the bytes exactly as received: re-serialized JSON breaks on non-ASCII text.</summary>
    public static bool IsValid(ReadOnlySpan<byte> rawBody, string? header, string? appSecret)
    {
        if (string.IsNullOrEmpty(appSecret) || header is null
            || !header.StartsWith(Prefix, StringComparison.Ordinal)
            || header.Length != Prefix.Length + 64)
            return false;

        Span<byte> claimed = stackalloc byte[32];
        if (Convert.FromHexString(header.AsSpan(Prefix.Length), claimed, out _, out var written)
            != System.Buffers.OperationStatus.Done || written != 32)
            return false;

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), rawBody, expected);
        return CryptographicOperations.FixedTimeEquals(claimed, expected);
    }

    /// <summary>The header value Meta would send; for tests and the sandbox.</summary>
    public static string Sign(byte[] body, string secret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
