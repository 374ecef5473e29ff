using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace InvoiceFirst.Testing.Fakes;

/// <summary>
/// The Daraja API initiator the tests configure: its name, password and a certificate whose
/// private key the fake keeps, so the fake checks the bot's SecurityCredential for real.
/// </summary>
public sealed class FakeInitiator
{
    public static readonly FakeInitiator Shared = new();

    private readonly RSA _key = RSA.Create(2048);

    private FakeInitiator()
    {
        var request = new CertificateRequest("CN=Fake M-PESA Initiator", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        CertificatePem = certificate.ExportCertificatePem();
    }

    public string Name => "testapiuser";

    public string Password => "Safaricom999!*!";

    public string CertificatePem { get; }

    /// <summary>The settings that point the bot at this initiator.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Mpesa:InitiatorName"] = Name,
        ["Mpesa:InitiatorPassword"] = Password,
        ["Mpesa:Certificate"] = CertificatePem,
    };

    public bool Accepts(string? initiator, string? securityCredential)
    {
        try
        {
            var password = _key.Decrypt(Convert.FromBase64String(securityCredential ?? ""), RSAEncryptionPadding.Pkcs1);
            return initiator == Name && Encoding.UTF8.GetString(password) == Password;
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return false;
        }
    }
}
