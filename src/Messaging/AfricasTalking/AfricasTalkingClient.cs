using InvoiceFirst.Data.Domain;
using System.Net;
using System.Text.Json;
using InvoiceFirst.Messaging.AfricasTalking.Wire;
using InvoiceFirst.Messaging.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RestSharp;

namespace InvoiceFirst.Messaging.AfricasTalking;

/// <summary>Sends one SMS through Africa's Talking. Never retries: the outbox does.</summary>
public sealed class AfricasTalkingClient(
    IHttpClientFactory httpClientFactory,
    IOptions<AfricasTalkingOptions> options,
    ILogger<AfricasTalkingClient> logger)
{
    public const string HttpClientName = "africastalking";

    public async Task<SendResult> SendSmsAsync(string toMsisdn, string text, CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Username) || string.IsNullOrWhiteSpace(o.ApiKey))
            return Misconfigured("missing_credentials", "AfricasTalking:Username or AfricasTalking:ApiKey is not set");
        if (!MobileNumber.IsPlausible(toMsisdn))
            return SendResult.Unreachable("invalid_number", "africastalking: recipient is not a phone number");

        var request = new RestRequest("version1/messaging", Method.Post);
        request.AddHeader("apiKey", o.ApiKey);
        request.AddHeader("Accept", "application/json");
        request.AddParameter("username", o.Username);
        request.AddParameter("to", MobileNumber.ToE164(toMsisdn));
        request.AddParameter("message", text);
        if (!string.IsNullOrWhiteSpace(o.SenderId)) request.AddParameter("from", o.SenderId);
        request.AddParameter("bulkSMSMode", "1");

        // A RestClient per call over a factory HttpClient keeps handler rotation (DNS changes) working.
        using var rest = new RestClient(httpClientFactory.CreateClient(HttpClientName));
        var response = await rest.ExecuteAsync(request, ct);

        var result = TransportFailure.Classify(response, "africastalking", ct) ?? Interpret(response);
        if (result.Outcome == SendOutcome.ConfigurationError)
            logger.LogError("Africa's Talking send failed with a configuration error {ErrorCode}", result.ErrorCode);
        else if (!result.IsAccepted)
            logger.LogWarning("Africa's Talking send not accepted: {Outcome} {ErrorCode}", result.Outcome, result.ErrorCode);
        return result;
    }

    private static SendResult Interpret(RestResponse response)
    {
        // 409 (DND) and other rejections can carry the same JSON as a 201: judge the recipient, not HTTP.
        var data = TryParse(response.Content);
        var recipient = data?.Recipients?.FirstOrDefault();
        if (recipient is not null && TryReadCode(recipient.StatusCode, out var statusCode))
            return AfricasTalkingStatusCodes.Classify(statusCode, recipient.MessageId);

        var http = (int)response.StatusCode;
        if (data is not null && response.IsSuccessStatusCode)
        {
            // An empty recipient list means AT refused the whole request (e.g. "InvalidPhoneNumber").
            return data.Message is { } m && m.Contains("InvalidPhoneNumber", StringComparison.Ordinal)
                ? SendResult.Unreachable("invalid_number", "africastalking: number rejected")
                : SendResult.ConfigurationError("no_recipients", "africastalking: request accepted with no recipients");
        }
        if (response.StatusCode == HttpStatusCode.Unauthorized)
            return SendResult.ConfigurationError("http_401", "africastalking: authentication rejected");
        if (response.StatusCode == HttpStatusCode.TooManyRequests || TransportFailure.IsServerError(response.StatusCode))
            return SendResult.RetryLater($"http_{http}", $"africastalking: http {http}", TransportFailure.RetryAfter(response));
        if (response.IsSuccessStatusCode)
            return SendResult.Unknown("unreadable_response", $"africastalking: http {http} with an unreadable body");
        return SendResult.ConfigurationError($"http_{http}", $"africastalking: http {http}");
    }

    private static AtMessageData? TryParse(string? content)
    {
        if (string.IsNullOrWhiteSpace(content) || content.TrimStart()[0] != '{') return null;
        try
        {
            return JsonSerializer.Deserialize<AtSendResponse>(content)?.SmsMessageData;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryReadCode(JsonElement e, out int code)
    {
        code = 0;
        return e.ValueKind switch
        {
            JsonValueKind.Number => e.TryGetInt32(out code),
            JsonValueKind.String => int.TryParse(e.GetString(), out code),
            _ => false,
        };
    }

    private SendResult Misconfigured(string code, string detail)
    {
        logger.LogError("Africa's Talking send not attempted: {ErrorCode}", code);
        return SendResult.ConfigurationError(code, detail);
    }
}
