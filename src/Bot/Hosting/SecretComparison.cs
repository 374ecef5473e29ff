using System.Security.Cryptography;
using System.Text;

namespace InvoiceFirst.Bot.Hosting;

public static class SecretComparison
{
    /// <summary>
    /// Compares SHA-256 digests, which have one length whatever was presented, so every guess takes the
    /// same time, however long or short.
    /// </summary>
    public static bool AreEqual(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Digest(presented), Digest(expected));

    private static byte[] Digest(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
