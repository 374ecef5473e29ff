using System.Net.Http.Headers;
using Dapper;
using InvoiceFirst.Data.Database;
using InvoiceFirst.Messaging.WhatsApp;
using InvoiceFirst.Testing.Fakes;

namespace InvoiceFirst.Integration.Tests.Infrastructure;

/// <summary>Posts webhooks to the bot the way Meta does: raw JSON bytes with X-Hub-Signature-256.</summary>
public sealed class WhatsAppSender(BotFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    public Task<HttpResponseMessage> PostAsync(string json, string? signature = null) => PostAsync(WebhookBuilders.Bytes(json), signature);

    public async Task<HttpResponseMessage> PostAsync(byte[] body, string? signature = null)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/whatsapp/webhook") { Content = content };
        request.Headers.Add(WhatsAppSignature.HeaderName, signature ?? WhatsAppSignature.Sign(body, BotFactory.AppSecret));
        return await _client.SendAsync(request);
    }

    public Task<HttpResponseMessage> TextAsync(string from, string text, string? id = null) =>
        PostAsync(WebhookBuilders.Envelope([WebhookBuilders.TextMessage(from, text, id)]));

    public Task<HttpResponseMessage> ButtonAsync(string from, string buttonId, string title = "Button") =>
        PostAsync(WebhookBuilders.Envelope([WebhookBuilders.ButtonReply(from, buttonId, title)]));

    /// <summary>Waits until the inbox worker has handled everything stored so far.</summary>
    public async Task DrainAsync()
    {
        await Eventually.UntilAsync(async () =>
        {
            await using var connection = await factory.Db.OpenAsync(default);
            return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox WHERE status = 'PENDING'");
        }, pending => pending == 0, what: "the inbox to drain");
    }
}
