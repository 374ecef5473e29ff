namespace InvoiceFirst.Payments.Mpesa;

/// <summary>Maps Daraja's synchronous STK errors (spec 4.3) to <see cref="StkErrorKind"/>.</summary>
public static class StkErrorClassifier
{
    public const string InvalidAccessToken = "404.001.03";
    public const string InvalidAccessTokenC2b = "400.003.01";

    public static bool IsInvalidToken(string? errorCode) =>
        errorCode is InvalidAccessToken or InvalidAccessTokenC2b;

    public static StkErrorKind Classify(string? errorCode, string? errorMessage)
    {
        var message = errorMessage ?? "";
        return errorCode switch
        {
            "400.002.02" => ConfigurationField(message) ? StkErrorKind.Configuration : StkErrorKind.InvalidRequest,
            "404.001.01" or "405.001" or "2028" => StkErrorKind.Configuration,
            InvalidAccessToken or InvalidAccessTokenC2b => StkErrorKind.Configuration,
            "500.003.02" or "500.003.03" or "500.003.1001" => StkErrorKind.ServiceBusy,
            // 500.001.1001 is overloaded; the spec allows branching on its text, defaulting to no retry.
            "500.001.1001" when Has(message, "lock subscriber") => StkErrorKind.SubscriberBusy,
            "500.001.1001" when Has(message, "Merchant does not exist") || Has(message, "Wrong credentials")
                => StkErrorKind.Configuration,
            _ => StkErrorKind.Unknown,
        };
    }

    // A 400.002.02 naming one of our own settings is not the customer's fault.
    private static bool ConfigurationField(string message) =>
        Has(message, "BusinessShortCode") || Has(message, "CallBackURL") || Has(message, "PartyB")
        || Has(message, "TransactionType") || Has(message, "Password") || Has(message, "Timestamp");

    private static bool Has(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
