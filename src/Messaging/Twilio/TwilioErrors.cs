using System.Net;
using InvoiceFirst.Messaging.Channels;

namespace InvoiceFirst.Messaging.Twilio;

/// <summary>Synchronous Twilio error codes → outcomes (spec 2.1).</summary>
internal static class TwilioErrors
{
    public static SendResult Classify(int? code, HttpStatusCode status, TimeSpan? retryAfter)
    {
        var http = (int)status;
        var errorCode = code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? $"http_{http}";
        var detail = $"twilio error {errorCode} (http {http})";
        if (code == 20429 || status == HttpStatusCode.TooManyRequests)
            return SendResult.RetryLater(errorCode, detail, retryAfter);
        return code switch
        {
            // Recipient-side: the number is wrong, a landline, opted out (STOP) or not routable to.
            21211 or 21614 or 21635 or 21610 or 21612 or 21608 or 63016 => SendResult.Unreachable(errorCode, detail),
            // Account-side: credentials, geo-permissions (21408), a sender that cannot send SMS (21606).
            20003 or 21408 or 21606 => SendResult.ConfigurationError(errorCode, detail),
            _ when TransportFailure.IsServerError(status) => SendResult.RetryLater(errorCode, detail, retryAfter),
            _ => SendResult.ConfigurationError(errorCode, detail),
        };
    }
}
