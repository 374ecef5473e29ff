using System.Net.Http.Headers;
using System.Text;
using InvoiceFirst.Messaging.WhatsApp;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Faults.Chaos;

/// <summary>One webhook as a provider would post it: a path on the bot's public address and the exact bytes.</summary>
public sealed record WebhookDelivery(string Kind, string Path, byte[] Body, string? Signature)
{
    /// <summary>A Meta webhook signed with the app secret over the raw bytes.</summary>
    public static WebhookDelivery WhatsApp(string kind, string json)
    {
        var body = WebhookBuilders.Bytes(json);
        return new(kind, "/whatsapp/webhook", body, WhatsAppSignature.Sign(body, ChaosWorld.AppSecret));
    }

    /// <summary>A Daraja STK callback posted to the CallBackURL's path.</summary>
    public static WebhookDelivery StkCallback(string callbackUrl, string json) =>
        new("callback", new Uri(callbackUrl).AbsolutePath, Encoding.UTF8.GetBytes(json), null);

    public HttpRequestMessage ToRequest(string baseUrl)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + Path) { Content = new ByteArrayContent(Body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(Signature is null ? "application/json;charset=UTF-8" : "application/json");
        if (Signature is not null) request.Headers.Add(WhatsAppSignature.HeaderName, Signature);
        return request;
    }
}
