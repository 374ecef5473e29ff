using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using InvoiceFirst.Testing;

namespace InvoiceFirst.Browser.Tests;

/// <summary>
/// A bot process listening on HTTPS with a throwaway self-signed certificate (no dev certificate on these machines):
/// a Live host sets its cookies Secure, and a browser keeps those only from an HTTPS page.
/// </summary>
public static class SelfSignedHttps
{
    private const string Password = "ops-browser";

    /// <summary>Kestrel settings that replace the process's plain-HTTP address with <paramref name="baseUrl"/>.</summary>
    public static Dictionary<string, string> KestrelEndpoint(string baseUrl)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(Directory.CreateTempSubdirectory("invoicefirst-https-").FullName, "bot.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return new()
        {
            ["Kestrel__Endpoints__Https__Url"] = baseUrl,
            ["Kestrel__Endpoints__Https__Certificate__Path"] = path,
            ["Kestrel__Endpoints__Https__Certificate__Password"] = Password,
            ["App__PublicBaseUrl"] = baseUrl,
        };
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A client that trusts the throwaway certificate (and any other: tests on loopback only).</summary>
    public static HttpClient Client(string baseUrl) =>
        new(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator })
        {
            BaseAddress = new Uri(baseUrl),
        };

    public static async Task WaitForOkAsync(BotProcess bot, string url, TimeSpan timeout)
    {
        using var http = Client(url);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                if ((await http.GetAsync(url)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{url} did not answer:\n{bot.Output}");
            await Task.Delay(100);
        }
    }
}
