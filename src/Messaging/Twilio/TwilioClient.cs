using InvoiceFirst.Data.Domain;
using System.Text;
using System.Text.Json;
using InvoiceFirst.Data.Outbox;
using InvoiceFirst.Messaging.Channels;
using InvoiceFirst.Messaging.Twilio.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RestSharp;

namespace InvoiceFirst.Messaging.Twilio;

/// <summary>Sends one SMS or WhatsApp message through Twilio's Messages API. Never retries: the outbox does.</summary>
public sealed class TwilioClient(
    IHttpClientFactory httpClientFactory,
    IOptions<TwilioOptions> options,
    ILogger<TwilioClient> logger)
{
    public const string HttpClientName = "twilio";
    private const string WhatsAppPrefix = "whatsapp:";

    public Task<SendResult> SendSmsAsync(string toMsisdn, string text, string? statusCallbackUrl, CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.SmsFrom)) return Task.FromResult(Misconfigured("missing_sender", "Twilio:SmsFrom"));
        var fields = new List<KeyValuePair<string, string>> { new("To", MobileNumber.ToE164(toMsisdn)), new("From", o.SmsFrom), new("Body", text) };
        return SendAsync(toMsisdn, fields, statusCallbackUrl, ct);
    }

    public Task<SendResult> SendWhatsAppAsync(string toMsisdn, OutboundMessage message, CancellationToken ct) =>
        SendWhatsAppAsync(toMsisdn, message, useTemplate: false, statusCallbackUrl: null, ct);

    /// <summary>
    /// With <paramref name="useTemplate"/>, a configured <c>WhatsAppContentSid</c> and a message template,
    /// sends the content template with the template's body parameters as <c>{"1":…,"2":…}</c>.
    /// </summary>
    public Task<SendResult> SendWhatsAppAsync(
        string toMsisdn, OutboundMessage message, bool useTemplate, string? statusCallbackUrl, CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.WhatsAppFrom))
            return Task.FromResult(Misconfigured("missing_sender", "Twilio:WhatsAppFrom"));
        var from = o.WhatsAppFrom.StartsWith(WhatsAppPrefix, StringComparison.Ordinal) ? o.WhatsAppFrom : WhatsAppPrefix + o.WhatsAppFrom;
        var fields = new List<KeyValuePair<string, string>> { new("To", WhatsAppPrefix + MobileNumber.ToE164(toMsisdn)), new("From", from) };

        if (useTemplate && !string.IsNullOrWhiteSpace(o.WhatsAppContentSid) && message.Template is { } template)
        {
            var variables = template.BodyParameters
                .Select((value, i) => (Key: (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), value))
                .ToDictionary(p => p.Key, p => p.value);
            fields.Add(new("ContentSid", o.WhatsAppContentSid));
            fields.Add(new("ContentVariables", JsonSerializer.Serialize(variables)));
        }
        else
        {
            fields.Add(new("Body", TwilioWhatsAppText.Render(message)));
        }
        return SendAsync(toMsisdn, fields, statusCallbackUrl, ct);
    }

    private async Task<SendResult> SendAsync(
        string toMsisdn, List<KeyValuePair<string, string>> fields, string? statusCallbackUrl, CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.AccountSid) || string.IsNullOrWhiteSpace(o.AuthToken))
            return Misconfigured("missing_credentials", "Twilio:AccountSid or Twilio:AuthToken");
        if (!MobileNumber.IsPlausible(toMsisdn))
            return SendResult.Unreachable("invalid_number", "twilio: recipient is not a phone number");

        var request = new RestRequest($"2010-04-01/Accounts/{o.AccountSid}/Messages.json", Method.Post);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.AccountSid}:{o.AuthToken}"));
        request.AddHeader("Authorization", "Basic " + basic);
        request.AddHeader("Accept", "application/json");
        foreach (var (name, value) in fields) request.AddParameter(name, value);
        if (!string.IsNullOrWhiteSpace(statusCallbackUrl)) request.AddParameter("StatusCallback", statusCallbackUrl);

        // A RestClient per call over a factory HttpClient keeps handler rotation (DNS changes) working.
        using var rest = new RestClient(httpClientFactory.CreateClient(HttpClientName));
        var response = await rest.ExecuteAsync(request, ct);

        var result = TransportFailure.Classify(response, "twilio", ct) ?? Interpret(response);
        if (result.Outcome == SendOutcome.ConfigurationError)
            logger.LogError("Twilio send failed with a configuration error {ErrorCode}", result.ErrorCode);
        else if (!result.IsAccepted)
            logger.LogWarning("Twilio send not accepted: {Outcome} {ErrorCode}", result.Outcome, result.ErrorCode);
        return result;
    }

    private static SendResult Interpret(RestResponse response)
    {
        var body = TryParse(response.Content);
        if (response.IsSuccessStatusCode)
        {
            return string.IsNullOrEmpty(body?.Sid)
                ? SendResult.Unknown("no_sid", "twilio: success without a message sid")
                : SendResult.Accepted(body.Sid);
        }
        return TwilioErrors.Classify(body?.Code, response.StatusCode, TransportFailure.RetryAfter(response));
    }

    private static TwilioMessageResponse? TryParse(string? content)
    {
        if (string.IsNullOrWhiteSpace(content)) return null;
        try
        {
            return JsonSerializer.Deserialize<TwilioMessageResponse>(content);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private SendResult Misconfigured(string code, string missing)
    {
        logger.LogError("Twilio send not attempted: {ErrorCode} ({Setting})", code, missing);
        return SendResult.ConfigurationError(code, "twilio: " + missing + " is not set");
    }
}
