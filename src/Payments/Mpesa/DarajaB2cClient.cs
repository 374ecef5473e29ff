using System.Globalization;
using InvoiceFirst.Payments.Mpesa.Wire;
using Microsoft.Extensions.Options;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>
/// Daraja B2C (spec 4.12): the deployment pays a merchant from its shortcode. It moves money, so it is sent once: the
/// <c>mpesa</c> pipeline has no retry, and a payout whose answer was lost is sent again only with the same
/// OriginatorConversationID, which Daraja refuses as a duplicate (<see cref="DuplicateOriginatorCode"/>).
/// </summary>
public sealed class DarajaB2cClient(DarajaTransport transport, DarajaC2bClient statusClient, IOptions<MpesaOptions> options)
{
    private const string PaymentRequestPath = "mpesa/b2c/v3/paymentrequest";

    /// <summary>Daraja's answer to an OriginatorConversationID it has seen before: that request is already with it.</summary>
    public const string DuplicateOriginatorCode = "500.002.1001";

    public Task<DarajaAck> PayAsync(B2cPaymentRequest request, CancellationToken ct)
    {
        var initiator = statusClient.DeploymentInitiator();
        var account = DarajaAccount.Deployment(options.Value);
        return DarajaAckSender.SendAsync(transport, PaymentRequestPath, new B2cPaymentWireRequest
        {
            OriginatorConversationId = request.OriginatorConversationId,
            InitiatorName = initiator.Name,
            SecurityCredential = SecurityCredential.Encrypt(initiator.Password, initiator.Certificate),
            Amount = request.AmountShillings.ToString(CultureInfo.InvariantCulture),
            PartyA = account.ShortCode,
            PartyB = request.PartyB,
            Remarks = request.Remarks,
            QueueTimeOutUrl = request.QueueTimeOutUrl,
            ResultUrl = request.ResultUrl,
        }, account, ct);
    }
}
