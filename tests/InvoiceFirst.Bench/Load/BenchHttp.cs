using System.Net.Http.Headers;
using InvoiceFirst.Messaging.WhatsApp;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Bench.Load;

/// <summary>The load's HTTP client (many kept-alive connections) and the signed WhatsApp webhooks it posts.</summary>
public static class BenchHttp
{
    public static HttpClient Client(string baseUrl, int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
    })
    {
        BaseAddress = new Uri(baseUrl),
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>A Meta-shaped text message webhook and its <c>X-Hub-Signature-256</c> over the exact bytes.</summary>
    public static SignedBody WhatsAppText(string from, string text, string messageId, string appSecret)
    {
        var body = WebhookBuilders.Bytes(WebhookBuilders.Envelope([WebhookBuilders.TextMessage(from, text, messageId)]));
        return new SignedBody(body, WhatsAppSignature.Sign(body, appSecret));
    }

    public static async Task<bool> PostSignedAsync(HttpClient http, string path, SignedBody signed)
    {
        using var content = new ByteArrayContent(signed.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TryAddWithoutValidation(WhatsAppSignature.HeaderName, signed.Signature);
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode;
    }
}

public sealed record SignedBody(byte[] Body, string Signature);
