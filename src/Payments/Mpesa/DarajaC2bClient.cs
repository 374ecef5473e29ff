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
    public Task<DarajaAck> TransactionStatusAsync(string receipt, string resultUrl, string queueTimeOutUrl, CancellationToken ct)
    {
        var settings = options.Value;
        var certificate = _certificate.Value
            ?? throw new InvalidOperationException("Mpesa:Certificate or Mpesa:CertificatePath is required for Transaction Status");
        return TransactionStatusAsync(receipt, resultUrl, queueTimeOutUrl, DarajaAccount.Deployment(settings),
            new DarajaInitiator(settings.InitiatorName, settings.InitiatorPassword, certificate), ct);
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

    private async Task<DarajaAck> SendAsync<TBody>(string path, TBody body, DarajaAccount account, CancellationToken ct) where TBody : class
    {
        DarajaReply reply;
        try
        {
            reply = await transport.SendAsync(path, body, account, ct);
        }
        catch (DarajaAuthException e)
        {
            return e.CredentialsRejected ? new DarajaAck.Refused(e.ErrorCode ?? "oauth", e.Message) : new DarajaAck.NoAnswer(e.Message);
        }

        if (!reply.Answered) return new DarajaAck.NoAnswer($"No answer from Daraja ({reply.Response.ResponseStatus})");
        if (reply.Error?.ErrorCode is { } code) return new DarajaAck.Refused(code, DarajaTransport.Short(reply.Error.ErrorMessage));
        var ack = DarajaJson.TryRead<DarajaAckWireResponse>(reply.Response.Content);
        return ack?.ResponseCode?.Trim() switch
        {
            "0" => new DarajaAck.Accepted(ack.ConversationId),
            { Length: > 0 } other => new DarajaAck.Refused(other, DarajaTransport.Short(ack.ResponseDescription)),
            _ => new DarajaAck.NoAnswer($"Unreadable answer from Daraja (HTTP {(int)reply.Response.StatusCode})"),
        };
    }
}
