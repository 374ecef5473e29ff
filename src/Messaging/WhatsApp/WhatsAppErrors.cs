using System.Net;
using InvoiceFirst.Messaging.Channels;

namespace InvoiceFirst.Messaging.WhatsApp;

/// <summary>Graph error codes → outcomes (spec 1.9). Routes on <c>error.code</c>, never on the message.</summary>
internal static class WhatsAppErrors
{
    public static SendResult Classify(int code, HttpStatusCode status, TimeSpan? retryAfter)
    {
        var errorCode = code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var detail = $"whatsapp error {errorCode} (http {(int)status})";
        return code switch
        {
            131056 => SendResult.RetryLater(errorCode, detail, retryAfter ?? TimeSpan.FromSeconds(6)),
            131057 => SendResult.RetryLater(errorCode, detail, retryAfter ?? TimeSpan.FromMinutes(1)),
            130429 or 131000 or 131016 or 4 or 80007 or 133016 =>
                SendResult.RetryLater(errorCode, detail, retryAfter),
            // 131062: this message cannot go to a business-scoped user id (authentication templates).
            131026 or 131047 or 131021 or 131030 or 131049 or 131062 => SendResult.Unreachable(errorCode, detail),
            190 or 0 or 3 or 10 or 100 or 368 or 131005 or 131008 or 131009 or 131031 or 131042 or 131048
                or 131051 or 133010 => SendResult.ConfigurationError(errorCode, detail),
            >= 200 and <= 299 => SendResult.ConfigurationError(errorCode, detail),
            >= 132000 and <= 132999 => SendResult.ConfigurationError(errorCode, detail),
            _ => ByHttpStatus(status, errorCode, detail, retryAfter),
        };
    }

    /// <summary>For unknown codes and bodies that are not Graph errors.</summary>
    public static SendResult ByHttpStatus(HttpStatusCode status, string errorCode, string detail, TimeSpan? retryAfter)
    {
        if (status == HttpStatusCode.TooManyRequests || TransportFailure.IsServerError(status))
            return SendResult.RetryLater(errorCode, detail, retryAfter);
        return SendResult.ConfigurationError(errorCode, detail);
    }
}
