using System.Net;
using Polly.Timeout;
using RestSharp;

namespace InvoiceFirst.Messaging.Channels;

/// <summary>Classifies a RestSharp response that carries no HTTP answer, and reads Retry-After.</summary>
internal static class TransportFailure
{
    /// <summary>Null when an HTTP response arrived and the provider-specific parser must decide.</summary>
    public static SendResult? Classify(RestResponse response, string provider, CancellationToken ct)
    {
        // RestSharp marks non-2xx answers as errors too; any status code means the provider answered.
        if (response.StatusCode != 0) return null;

        // The caller is shutting down: let it see cancellation rather than a made-up outcome.
        ct.ThrowIfCancellationRequested();

        var ex = response.ErrorException;
        if (ex is HttpRequestException http && IsBeforeSend(http))
            return SendResult.RetryLater("connect_failed", $"{provider}: could not connect ({http.HttpRequestError})");
        if (ex is TimeoutRejectedException || ex is TimeoutException || ex is OperationCanceledException
            || response.ResponseStatus == ResponseStatus.TimedOut)
            return SendResult.Unknown("timeout", $"{provider}: no answer before the timeout");
        return SendResult.Unknown("transport", $"{provider}: connection failed after sending ({ex?.GetType().Name})");
    }

    // Only failures where no byte of the request can have reached the provider are safe to retry.
    private static bool IsBeforeSend(HttpRequestException ex) => ex.HttpRequestError is
        HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
        or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    public static TimeSpan? RetryAfter(RestResponse response)
    {
        var value = response.Headers?
            .FirstOrDefault(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase))?.Value;
        return int.TryParse(value, out var seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
    }

    public static bool IsServerError(HttpStatusCode status) => (int)status >= 500;
}
