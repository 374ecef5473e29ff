using System.Security.Cryptography;
using System.Text;

namespace InvoiceFirst.Messaging.Twilio;

/// <summary><c>X-Twilio-Signature</c> as twilio-csharp's RequestValidator computes it (spec 2.4).</summary>
public static class TwilioSignature
{
    public const string HeaderName = "X-Twilio-Signature";

    /// <param name="fullUrl">The public URL Twilio requested, query included verbatim (not the proxied one).</param>
    public static bool IsValid(
        string fullUrl, IEnumerable<KeyValuePair<string, string>> form, string? header, string? authToken)
    {
        if (string.IsNullOrEmpty(header) || string.IsNullOrEmpty(authToken)) return false;
        var pairs = form.ToList();
        var claimed = Encoding.UTF8.GetBytes(header);
        var (withPort, withoutPort) = PortVariants(fullUrl);

        // Twilio signs with or without the default port inconsistently; the SDK accepts either.
        var a = CryptographicOperations.FixedTimeEquals(claimed, Encoding.UTF8.GetBytes(Compute(withPort, pairs, authToken)));
        var b = CryptographicOperations.FixedTimeEquals(claimed, Encoding.UTF8.GetBytes(Compute(withoutPort, pairs, authToken)));
        return a | b;
    }

    /// <summary>Base64 HMAC-SHA1 of the URL followed by every key+value, keys in ordinal order.</summary>
    public static string Compute(string fullUrl, IEnumerable<KeyValuePair<string, string>> form, string authToken)
    {
        var data = new StringBuilder(fullUrl);
        foreach (var (key, value) in form.OrderBy(p => p.Key, StringComparer.Ordinal))
            data.Append(key).Append(value ?? "");
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(mac);
    }

    // String surgery rather than UriBuilder, which would re-escape the query Twilio signed.
    internal static (string WithPort, string WithoutPort) PortVariants(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0) return (url, url);
        var scheme = url[..schemeEnd].ToLowerInvariant();
        var defaultPort = scheme switch { "https" => "443", "http" => "80", _ => null };
        if (defaultPort is null) return (url, url);

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0) authorityEnd = url.Length;
        var authority = url[authorityStart..authorityEnd];
        var colon = authority.LastIndexOf(':');
        var hasPort = colon >= 0 && colon > authority.LastIndexOf(']') && authority[(colon + 1)..].All(char.IsAsciiDigit);

        if (!hasPort) return (url[..authorityEnd] + ":" + defaultPort + url[authorityEnd..], url);
        if (authority[(colon + 1)..] == defaultPort)
            return (url, url[..(authorityStart + colon)] + url[authorityEnd..]);
        return (url, url);
    }
}
