using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace InvoiceFirst.Bot.Sandbox;

/// <summary>
/// The sandbox's stand-in for Safaricom's initiator certificate: a per-process RSA key, so the
/// bot encrypts its initiator password exactly as in production and the stand-in checks it. The
/// key is made on first use: a Live process never pays for it.
/// </summary>
public sealed class SandboxInitiator : IDisposable
{
    public const string Name = "sandboxapi";
    private readonly Lazy<RSA> _key = new(() => RSA.Create(2048));

    public string Password { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    public string CertificatePem()
    {
        var request = new CertificateRequest("CN=Sandbox M-PESA", _key.Value, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        return certificate.ExportCertificatePem();
    }

    /// <summary>True when <paramref name="securityCredential"/> is our password encrypted with our certificate.</summary>
    public bool Accepts(string initiator, string securityCredential)
    {
        try
        {
            var password = _key.Value.Decrypt(Convert.FromBase64String(securityCredential), RSAEncryptionPadding.Pkcs1);
            return initiator == Name && System.Text.Encoding.UTF8.GetString(password) == Password;
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (_key.IsValueCreated) _key.Value.Dispose();
    }
}
