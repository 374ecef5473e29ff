using InvoiceFirst.Messaging.Channels;

namespace InvoiceFirst.Messaging.AfricasTalking;

/// <summary>Per-recipient <c>statusCode</c> → outcome (spec 3.1). The HTTP status is not the verdict.</summary>
internal static class AfricasTalkingStatusCodes
{
    public static SendResult Classify(int statusCode, string? messageId)
    {
        var code = statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var detail = $"africastalking status {code}";
        return statusCode switch
        {
            100 or 101 or 102 => SendResult.Accepted(messageId is null or "None" ? null : messageId),
            403 or 404 or 406 or 407 or 502 => SendResult.Unreachable(code, detail),
            401 or 402 or 405 => SendResult.ConfigurationError(code, detail),
            409 or 500 or 501 => SendResult.RetryLater(code, detail),
            _ => SendResult.ConfigurationError(code, detail + " (unknown code)"),
        };
    }
}
