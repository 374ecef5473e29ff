using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using InvoiceFirst.Payments.Merchants;
using Microsoft.AspNetCore.Http;

namespace InvoiceFirst.Bot.MpesaSetup;

/// <summary>The setup form as posted. Only the non-secret fields are ever shown back.</summary>
public sealed partial record MpesaSetupForm(bool IsTill, string ShortCode, string Till, string? InitiatorName)
{
    public static readonly MpesaSetupForm Blank = new(false, "", "", null);

    /// <summary>The form's fields checked; the secrets come back only inside <paramref name="secrets"/>.</summary>
    public static (MpesaSetupForm Form, DarajaSecrets? Secrets, string? Error) Read(IFormCollection posted, MpesaSetupText text)
    {
        string Field(string name, int max) => posted[name].ToString().Trim() is var v && v.Length > max ? v[..max] : v;
        var form = new MpesaSetupForm(Field("kind", 10) == "till", Field("shortcode", 20), Field("till", 20), NullIfEmpty(Field("initiator_name", 100)));
        var (key, secret, passkey) = (Field("consumer_key", 200), Field("consumer_secret", 200), Field("passkey", 200));
        var (password, certificate) = (NullIfEmpty(Field("initiator_password", 200)), NullIfEmpty(Field("certificate", 8000)));
        if (!Code().IsMatch(form.ShortCode)) return (form, null, text.BadShortCode);
        if (form.IsTill && !Code().IsMatch(form.Till)) return (form, null, text.BadTill);
        if (key.Length == 0 || secret.Length == 0 || passkey.Length == 0) return (form, null, text.MissingKeys);
        if (new[] { form.InitiatorName, password, certificate }.Count(v => v is not null) is 1 or 2) return (form, null, text.InitiatorIncomplete);
        if (certificate is not null && !Readable(certificate)) return (form, null, text.BadCertificate);
        return (form, new DarajaSecrets(key, secret, passkey, form.InitiatorName, password, certificate), null);
    }

    /// <summary>What the merchant is paid into, in a few words: "Paybill 522522", "Till 832909".</summary>
    public string What => IsTill ? $"Till {Till}" : $"Paybill {ShortCode}";

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static bool Readable(string certificate)
    {
        try
        {
            using var parsed = InvoiceFirst.Payments.Mpesa.SecurityCredential.FromText(certificate);
            using var key = parsed.GetRSAPublicKey();
            return key is not null;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\d{5,7}$")]
    private static partial Regex Code();
}
