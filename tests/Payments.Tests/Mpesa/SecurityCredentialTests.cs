using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using InvoiceFirst.Payments.Mpesa;

namespace InvoiceFirst.Payments.Tests.Mpesa;

public sealed class SecurityCredentialTests
{
    private static (RSA Key, X509Certificate2 Certificate) NewCertificate()
    {
        var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return (key, request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1)));
    }

    [Fact]
    public void Encrypt_Password_DecryptsWithTheCertificatesKeyUsingPkcs1()
    {
        var (key, certificate) = NewCertificate();

        var credential = SecurityCredential.Encrypt("Safaricom999!*!", certificate);

        var decrypted = key.Decrypt(Convert.FromBase64String(credential), RSAEncryptionPadding.Pkcs1);
        Assert.Equal("Safaricom999!*!", Encoding.UTF8.GetString(decrypted));
        Assert.NotEqual(credential, SecurityCredential.Encrypt("Safaricom999!*!", certificate));
    }

    [Fact]
    public void Load_PemTextBase64DerAndFiles_SameCertificate()
    {
        var (_, certificate) = NewCertificate();
        var pem = certificate.ExportCertificatePem();
        var der = certificate.Export(X509ContentType.Cert);
        var pemFile = Path.GetTempFileName();
        var derFile = Path.GetTempFileName();
        File.WriteAllText(pemFile, pem);
        File.WriteAllBytes(derFile, der);

        var loaded = new[]
        {
            SecurityCredential.Load(new MpesaOptions { Certificate = pem }),
            SecurityCredential.Load(new MpesaOptions { Certificate = Convert.ToBase64String(der) }),
            SecurityCredential.Load(new MpesaOptions { CertificatePath = pemFile }),
            SecurityCredential.Load(new MpesaOptions { CertificatePath = derFile }),
        };

        Assert.All(loaded, c => Assert.Equal(certificate.Thumbprint, c!.Thumbprint));
        Assert.Null(SecurityCredential.Load(new MpesaOptions()));
    }

    [Theory]
    [InlineData("not a certificate")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")]
    public void CanLoad_Garbage_False(string text) => Assert.False(SecurityCredential.CanLoad(new MpesaOptions { Certificate = text }));

    [Fact]
    public void CanLoad_MissingFile_False() =>
        Assert.False(SecurityCredential.CanLoad(new MpesaOptions { CertificatePath = "/nonexistent/mpesa.cer" }));
}
