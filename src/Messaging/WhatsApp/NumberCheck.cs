namespace InvoiceFirst.Messaging.WhatsApp;

/// <summary>What Meta said when asked about a business number with a token (<see cref="WhatsAppClient.CheckNumberAsync"/>).</summary>
public enum NumberCheck
{
    /// <summary>The token may use the number.</summary>
    Accepted,

    /// <summary>Graph code 190 or an HTTP 401: the token is wrong, expired or revoked.</summary>
    TokenRefused,

    /// <summary>Any other Graph error: no such number, or not one this token may see.</summary>
    UnknownNumber,

    /// <summary>No answer (timeout, connection refused, a 5xx): nothing is known.</summary>
    Unreachable,
}
