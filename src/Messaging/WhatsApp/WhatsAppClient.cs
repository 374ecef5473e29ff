using System.Text.Json;
using System.Text.Json.Serialization;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Channels;
using InvoiceFirst.Messaging.WhatsApp.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RestSharp;

namespace InvoiceFirst.Messaging.WhatsApp;

/// <summary>Sends one message through the Meta Cloud API. Never retries: the outbox does.</summary>
public sealed class WhatsAppClient(
    IHttpClientFactory httpClientFactory,
    IOptions<WhatsAppOptions> options,
    ILogger<WhatsAppClient> logger)
{
    public const string HttpClientName = "whatsapp";

    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Text when the message has no buttons, interactive reply buttons when it has, the approved
    /// template when <paramref name="useTemplate"/> (the 24-hour window is closed).
    /// </summary>
    /// <param name="to">A phone number, or the <see cref="WhatsAppUserId"/> of someone known only by it.</param>
    public Task<SendResult> SendAsync(string to, OutboundMessage message, bool useTemplate, CancellationToken ct) =>
        SendAsync(WhatsAppNumber.Shared(options.Value), WhatsAppParticipant.Of(to), message, useTemplate, ct);

    /// <param name="from">The business number it goes from, with that number's token and template.</param>
    public async Task<SendResult> SendAsync(
        WhatsAppNumber from, WhatsAppParticipant to, OutboundMessage message, bool useTemplate, CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(from.PhoneNumberId) || string.IsNullOrWhiteSpace(from.AccessToken))
            return Misconfigured("missing_credentials", "WhatsApp:PhoneNumberId or WhatsApp:AccessToken is not set");
        if (!to.IsAddressable)
            return SendResult.Unreachable("invalid_number", "whatsapp: recipient is not a phone number or user id");

        var payload = WhatsAppPayload.Build(to.Value, message, useTemplate, from);
        if (payload is null)
            return Misconfigured("no_template", "whatsapp: template requested but the message has none");

        var request = new RestRequest($"{o.ApiVersion}/{from.PhoneNumberId}/messages", Method.Post);
        request.AddHeader("Authorization", "Bearer " + from.AccessToken);
        request.AddStringBody(JsonSerializer.Serialize(payload, Json), ContentType.Json);

        // A RestClient per call over a factory HttpClient keeps handler rotation (DNS changes) working.
        using var rest = new RestClient(httpClientFactory.CreateClient(HttpClientName));
        var response = await rest.ExecuteAsync(request, ct);

        var result = TransportFailure.Classify(response, "whatsapp", ct) ?? Interpret(response);
        if (result.Outcome == SendOutcome.ConfigurationError)
            logger.LogError("WhatsApp send failed with a configuration error {ErrorCode}", result.ErrorCode);
        return result;
    }

    /// <summary>
    /// A PDF as a document message: uploaded to <c>/{phone-number-id}/media</c>, then sent by its media id with
    /// <see cref="OutboundMessage.Text"/> as the caption. Free-form only, so inside the 24-hour window.
    /// </summary>
    public Task<SendResult> SendDocumentAsync(string to, OutboundMessage message, byte[] pdf, CancellationToken ct) =>
        SendDocumentAsync(WhatsAppNumber.Shared(options.Value), WhatsAppParticipant.Of(to), message, pdf, ct);

    public async Task<SendResult> SendDocumentAsync(WhatsAppNumber from, WhatsAppParticipant to, OutboundMessage message, byte[] pdf,
        CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(from.PhoneNumberId) || string.IsNullOrWhiteSpace(from.AccessToken))
            return Misconfigured("missing_credentials", "WhatsApp:PhoneNumberId or WhatsApp:AccessToken is not set");
        if (!to.IsAddressable)
            return SendResult.Unreachable("invalid_number", "whatsapp: recipient is not a phone number or user id");
        var fileName = message.Document?.FileName ?? "document.pdf";

        using var rest = new RestClient(httpClientFactory.CreateClient(HttpClientName));
        var upload = new RestRequest($"{o.ApiVersion}/{from.PhoneNumberId}/media", Method.Post) { AlwaysMultipartFormData = true };
        upload.AddHeader("Authorization", "Bearer " + from.AccessToken);
        upload.AddParameter("messaging_product", "whatsapp");
        upload.AddParameter("type", "application/pdf");
        upload.AddFile("file", pdf, fileName, "application/pdf");
        var uploaded = await rest.ExecuteAsync(upload, ct);
        var failed = TransportFailure.Classify(uploaded, "whatsapp", ct);
        if (failed is not null) return failed;
        // Nobody sees an upload, so one that failed is safe to try again.
        if (!uploaded.IsSuccessStatusCode) return Interpret(uploaded);
        var mediaId = TryDeserialize<WaMediaResponse>(uploaded.Content)?.Id;
        if (string.IsNullOrEmpty(mediaId)) return SendResult.RetryLater("no_media_id", "whatsapp: media upload without an id");

        var payload = new WaSendRequest
        {
            RecipientType = "individual",
            Type = "document",
            Document = new WaDocument(mediaId, fileName, WhatsAppPayload.Truncate(message.Text, WhatsAppPayload.MaxInteractiveBody)),
        };
        payload = to.IsUserId ? payload with { Recipient = to.Value } : payload with { To = to.Value };
        var send = new RestRequest($"{o.ApiVersion}/{from.PhoneNumberId}/messages", Method.Post);
        send.AddHeader("Authorization", "Bearer " + from.AccessToken);
        send.AddStringBody(JsonSerializer.Serialize(payload, Json), ContentType.Json);
        var response = await rest.ExecuteAsync(send, ct);
        return TransportFailure.Classify(response, "whatsapp", ct) ?? Interpret(response);
    }

    /// <summary>
    /// Asks Graph for the number with the token (<c>GET /{phone-number-id}?fields=display_phone_number</c>), as an operator's
    /// onboarding does before saving it. A read: safe to repeat. Logs the Graph error code only, never the token.
    /// </summary>
    public async Task<NumberCheck> CheckNumberAsync(string phoneNumberId, string accessToken, CancellationToken ct)
    {
        var request = new RestRequest($"{options.Value.ApiVersion}/{phoneNumberId}", Method.Get);
        request.AddQueryParameter("fields", "display_phone_number");
        request.AddHeader("Authorization", "Bearer " + accessToken);
        using var rest = new RestClient(httpClientFactory.CreateClient(HttpClientName));
        var response = await rest.ExecuteAsync(request, ct);
        if (response.IsSuccessStatusCode) return NumberCheck.Accepted;
        // RestSharp marks non-2xx answers as errors too: only a missing status code means no answer.
        if (response.StatusCode == 0 || TransportFailure.IsServerError(response.StatusCode)) return NumberCheck.Unreachable;
        var code = TryDeserialize<WaErrorResponse>(response.Content)?.Error?.Code;
        logger.LogWarning("WhatsApp number check refused: code {ErrorCode} http {HttpStatus}", code, (int)response.StatusCode);
        return code == 190 || response.StatusCode == System.Net.HttpStatusCode.Unauthorized ? NumberCheck.TokenRefused : NumberCheck.UnknownNumber;
    }

    private SendResult Interpret(RestResponse response)
    {
        var retryAfter = TransportFailure.RetryAfter(response);
        if (response.IsSuccessStatusCode)
        {
            var ok = TryDeserialize<WaSendResponse>(response.Content);
            var id = ok?.Messages?.FirstOrDefault()?.Id;
            return string.IsNullOrEmpty(id)
                ? SendResult.Unknown("no_message_id", "whatsapp: success without a message id")
                : SendResult.Accepted(id);
        }

        var error = TryDeserialize<WaErrorResponse>(response.Content)?.Error;
        if (error is null)
        {
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return WhatsAppErrors.ByHttpStatus(response.StatusCode, "http_" + status,
                $"whatsapp: http {status} without a Graph error", retryAfter);
        }

        logger.LogWarning(
            "WhatsApp send rejected: code {ErrorCode} subcode {ErrorSubcode} http {HttpStatus} fbtrace_id {FbTraceId}",
            error.Code, error.ErrorSubcode, (int)response.StatusCode, error.FbTraceId);
        return WhatsAppErrors.Classify(error.Code, response.StatusCode, retryAfter);
    }

    private SendResult Misconfigured(string code, string detail)
    {
        logger.LogError("WhatsApp send not attempted: {ErrorCode}", code);
        return SendResult.ConfigurationError(code, detail);
    }

    private static T? TryDeserialize<T>(string? content) where T : class
    {
        if (string.IsNullOrWhiteSpace(content)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(content, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
