using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>
/// Daraja's <c>SecurityCredential</c>: the initiator password encrypted with Safaricom's public
/// certificate, RSA PKCS#1 v1.5, base64 (spec 4.7). Encryption is randomised, so each call differs.
/// </summary>
public static class SecurityCredential
{
    public static string Encrypt(string password, X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPublicKey()
            ?? throw new InvalidOperationException("The M-PESA certificate has no RSA public key");
        return Convert.ToBase64String(rsa.Encrypt(Encoding.UTF8.GetBytes(password), RSAEncryptionPadding.Pkcs1));
    }

    /// <summary>Reads <c>Mpesa:Certificate</c> (PEM text or base64 DER) or else the file at <c>Mpesa:CertificatePath</c>.</summary>
    public static X509Certificate2? Load(MpesaOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Certificate)) return FromText(options.Certificate);
        if (string.IsNullOrWhiteSpace(options.CertificatePath)) return null;
        var bytes = File.ReadAllBytes(options.CertificatePath);
        var text = Encoding.ASCII.GetString(bytes);
        return text.Contains("-----BEGIN", StringComparison.Ordinal) ? FromText(text) : X509CertificateLoader.LoadCertificate(bytes);
    }

    /// <summary>True when a certificate is configured and readable, with an RSA key.</summary>
    public static bool CanLoad(MpesaOptions options)
    {
        try
        {
            using var certificate = Load(options);
            using var key = certificate?.GetRSAPublicKey();
            return key is not null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A certificate as PEM text or base64 DER (a merchant's, typed on the setup page).</summary>
    public static X509Certificate2 FromText(string text) =>
        text.Contains("-----BEGIN", StringComparison.Ordinal)
            ? X509Certificate2.CreateFromPem(text)
            : X509CertificateLoader.LoadCertificate(Convert.FromBase64String(text.Trim()));
}
