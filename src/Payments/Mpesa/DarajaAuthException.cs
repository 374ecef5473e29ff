namespace InvoiceFirst.Payments.Mpesa;

/// <summary>No OAuth token could be obtained, so nothing was sent to Daraja.</summary>
public sealed class DarajaAuthException(string message, bool credentialsRejected, string? errorCode = null)
    : Exception(message)
{
    /// <summary>Daraja answered and refused the key/secret: a configuration problem, not a transient one.</summary>
    public bool CredentialsRejected { get; } = credentialsRejected;

    public string? ErrorCode { get; } = errorCode;
}
