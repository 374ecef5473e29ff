namespace InvoiceFirst.Messaging.Channels;

/// <summary>
/// The normalized result of one send. <see cref="Detail"/> is built from codes only, never from
/// provider prose, which can echo phone numbers.
/// </summary>
public sealed record SendResult(
    SendOutcome Outcome,
    string? ProviderMessageId = null,
    string? ErrorCode = null,
    string? Detail = null,
    TimeSpan? RetryAfter = null)
{
    public bool IsAccepted => Outcome == SendOutcome.Accepted;

    public static SendResult Accepted(string? providerMessageId) => new(SendOutcome.Accepted, providerMessageId);

    public static SendResult RetryLater(string errorCode, string detail, TimeSpan? retryAfter = null) =>
        new(SendOutcome.RetryLater, null, errorCode, detail, retryAfter);

    public static SendResult Unreachable(string errorCode, string detail) =>
        new(SendOutcome.Unreachable, null, errorCode, detail);

    public static SendResult ConfigurationError(string errorCode, string detail) =>
        new(SendOutcome.ConfigurationError, null, errorCode, detail);

    public static SendResult Unknown(string errorCode, string detail) =>
        new(SendOutcome.Unknown, null, errorCode, detail);
}
