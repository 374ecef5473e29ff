using System.Security.Cryptography.X509Certificates;
using InvoiceFirst.Payments.Mpesa.Wire;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>The API user that may ask Transaction Status about a shortcode's receipts, and the certificate its password is sent under.</summary>
public sealed record DarajaInitiator(string Name, string Password, X509Certificate2 Certificate)
{
    public override string ToString() => $"DarajaInitiator {Name}";
}

/// <summary>
/// The Paybill/Till side of Daraja: registering our C2B URLs (spec 4.8) and asking Transaction
/// Status whether a receipt is real (4.7). Both are safe to repeat: neither moves money.
/// </summary>
public sealed class DarajaC2bClient(DarajaTransport transport, IOptions<MpesaOptions> options)
{
    private const string RegisterUrlPath = "mpesa/c2b/v2/registerurl";
    private const string TransactionStatusPath = "mpesa/transactionstatus/v1/query";
    private readonly Lazy<X509Certificate2?> _certificate = new(() => SecurityCredential.Load(options.Value));

    public Task<DarajaAck> RegisterUrlsAsync(string confirmationUrl, string validationUrl, CancellationToken ct) =>
        RegisterUrlsAsync(DarajaAccount.Deployment(options.Value), confirmationUrl, validationUrl, ct);

    /// <summary>Registers our URLs for the shortcode of <paramref name="account"/> (a merchant's own, with its own app).</summary>
    public Task<DarajaAck> RegisterUrlsAsync(DarajaAccount account, string confirmationUrl, string validationUrl, CancellationToken ct) =>
        SendAsync(RegisterUrlPath, new RegisterUrlWireRequest
        {
            ShortCode = account.ShortCode,
            ResponseType = options.Value.C2bResponseType,
            ConfirmationUrl = confirmationUrl,
            ValidationUrl = validationUrl,
        }, account, ct);

    /// <summary>Asks about one receipt paid to the deployment's shortcode; the answer is posted to <paramref name="resultUrl"/>.</summary>
    public Task<DarajaAck> TransactionStatusAsync(string receipt, string resultUrl, string queueTimeOutUrl, CancellationToken ct) =>
        TransactionStatusAsync(receipt, resultUrl, queueTimeOutUrl, DarajaAccount.Deployment(options.Value), DeploymentInitiator(), ct);

    /// <summary>
    /// Asks what became of a B2C payment from the deployment's shortcode, known by our OriginatorConversationID (no
    /// receipt yet: the result never came). The answer is posted to <paramref name="resultUrl"/>.
    /// </summary>
    public Task<DarajaAck> TransactionStatusOfPayoutAsync(string originatorConversationId, string resultUrl, string queueTimeOutUrl,
        CancellationToken ct)
    {
        var initiator = DeploymentInitiator();
        var account = DarajaAccount.Deployment(options.Value);
        return SendAsync(TransactionStatusPath, new TransactionStatusWireRequest
        {
            Initiator = initiator.Name,
            SecurityCredential = SecurityCredential.Encrypt(initiator.Password, initiator.Certificate),
            TransactionId = "",
            OriginalConversationId = originatorConversationId,
            PartyA = account.ShortCode,
            ResultUrl = resultUrl,
            QueueTimeOutUrl = queueTimeOutUrl,
            Remarks = "Payout status",
        }, account, ct);
    }

    /// <summary>Asks about one receipt paid to <paramref name="account"/>'s shortcode, as that shortcode's initiator.</summary>
    public Task<DarajaAck> TransactionStatusAsync(string receipt, string resultUrl, string queueTimeOutUrl, DarajaAccount account,
        DarajaInitiator initiator, CancellationToken ct) =>
        SendAsync(TransactionStatusPath, new TransactionStatusWireRequest
        {
            Initiator = initiator.Name,
            SecurityCredential = SecurityCredential.Encrypt(initiator.Password, initiator.Certificate),
            TransactionId = receipt,
            PartyA = account.ShortCode,
            ResultUrl = resultUrl,
            QueueTimeOutUrl = queueTimeOutUrl,
        }, account, ct);

    /// <summary>The deployment's own initiator (<c>Mpesa:InitiatorName</c>, password and certificate), also the one B2C pays as.</summary>
    internal DarajaInitiator DeploymentInitiator()
    {
        var settings = options.Value;
        var certificate = _certificate.Value
            ?? throw new InvalidOperationException("Mpesa:Certificate or Mpesa:CertificatePath is required for Transaction Status and B2C");
        return new DarajaInitiator(settings.InitiatorName, settings.InitiatorPassword, certificate);
    }

    private Task<DarajaAck> SendAsync<TBody>(string path, TBody body, DarajaAccount account, CancellationToken ct) where TBody : class =>
        DarajaAckSender.SendAsync(transport, path, body, account, ct);
}
