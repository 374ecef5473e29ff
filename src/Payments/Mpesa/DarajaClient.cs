using InvoiceFirst.Data.Database;
using System.Data.Common;
using InvoiceFirst.Data.Payments;
using System.Globalization;
using InvoiceFirst.Data.Privacy;
using InvoiceFirst.Payments.Mpesa.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RestSharp;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>
/// Daraja STK push and STK query, with the Daraja app of the merchant being paid (<see cref="DarajaAccount"/>). Never
/// retries a push except once after a rejected token.
/// </summary>
public sealed class DarajaClient(
    DarajaTransport transport,
    IOptions<MpesaOptions> options,
    TimeProvider time,
    ILogger<DarajaClient> logger)
{
    public const string HttpClientName = "mpesa";
    private const string StkPushPath = "mpesa/stkpush/v1/processrequest";
    private const string StkQueryPath = "mpesa/stkpushquery/v1/query";

    /// <summary>With the deployment's own app.</summary>
    public Task<StkPushOutcome> StkPushAsync(StkPushRequest request, CancellationToken ct) =>
        StkPushAsync(request, DarajaAccount.Deployment(options.Value), ct);

    public async Task<StkPushOutcome> StkPushAsync(StkPushRequest request, DarajaAccount account, CancellationToken ct)
    {
        if (StkPushValidation.Check(request, account, options.Value) is { } invalid) return invalid;

        var timestamp = DarajaTimestamp.Now(time);
        var body = new StkPushWireRequest
        {
            BusinessShortCode = long.Parse(account.ShortCode, CultureInfo.InvariantCulture),
            Password = StkPassword.Compute(account.ShortCode, account.Passkey, timestamp),
            Timestamp = timestamp,
            TransactionType = account.TransactionType,
            Amount = request.AmountShillings.ToString(CultureInfo.InvariantCulture),
            PartyA = request.PhoneMsisdn,
            PartyB = account.EffectivePartyB,
            PhoneNumber = request.PhoneMsisdn,
            CallBackUrl = request.CallbackUrl,
            AccountReference = request.AccountReference,
            TransactionDesc = StkPushValidation.Description(request),
        };

        DarajaReply reply;
        try
        {
            reply = await transport.SendAsync(StkPushPath, body, account, ct);
        }
        catch (DarajaAuthException e)
        {
            // Nothing reached the STK endpoint, so the caller may try again later.
            var kind = e.CredentialsRejected ? StkErrorKind.Configuration : StkErrorKind.ServiceBusy;
            return new StkPushOutcome.Rejected(kind, e.ErrorCode ?? "oauth", e.Message);
        }

        var outcome = ToPushOutcome(reply);
        logger.LogInformation("STK push to {Phone} for {Reference}: {Outcome}",
            Mask.Phone(request.PhoneMsisdn), request.AccountReference, outcome.GetType().Name);
        return outcome;
    }

    /// <summary>With the deployment's own app.</summary>
    public Task<StkQueryOutcome> QueryAsync(string checkoutRequestId, CancellationToken ct) =>
        QueryAsync(checkoutRequestId, DarajaAccount.Deployment(options.Value), ct);

    public Task<StkQueryOutcome> QueryAsync(string checkoutRequestId, DarajaAccount account, CancellationToken ct) =>
        QueryAsync(null, checkoutRequestId, account, ct);

    /// <summary>The same from inside the caller's transaction: the token is read on its connection (no second pooled connection).</summary>
    public Task<StkQueryOutcome> QueryAsync(DbConnection connection, DbTransaction transaction, string checkoutRequestId, DarajaAccount account,
        CancellationToken ct) =>
        QueryAsync(new OpenTransaction(connection, transaction), checkoutRequestId, account, ct);

    private async Task<StkQueryOutcome> QueryAsync(OpenTransaction? on, string checkoutRequestId, DarajaAccount account, CancellationToken ct)
    {
        var timestamp = DarajaTimestamp.Now(time);
        var body = new StkQueryWireRequest
        {
            BusinessShortCode = account.ShortCode,
            Password = StkPassword.Compute(account.ShortCode, account.Passkey, timestamp),
            Timestamp = timestamp,
            CheckoutRequestId = checkoutRequestId,
        };

        DarajaReply reply;
        try
        {
            reply = await transport.SendAsync(StkQueryPath, body, account, on, ct);
        }
        catch (DarajaAuthException e)
        {
            return new StkQueryOutcome.Pending(e.Message, e.ErrorCode);
        }

        return ToQueryOutcome(reply);
    }

    private static StkPushOutcome ToPushOutcome(DarajaReply reply)
    {
        var response = reply.Response;
        if (response.ResponseStatus != ResponseStatus.Completed)
            return new StkPushOutcome.Unknown($"No answer from Daraja ({response.ResponseStatus})");

        if (reply.Error?.ErrorCode is { } code)
            return new StkPushOutcome.Rejected(
                StkErrorClassifier.Classify(code, reply.Error.ErrorMessage), code, DarajaTransport.Short(reply.Error.ErrorMessage));

        var accepted = response.IsSuccessStatusCode ? DarajaJson.TryRead<StkPushWireResponse>(response.Content) : null;
        if (accepted is { ResponseCode: "0", CheckoutRequestId: { Length: > 0 } checkoutId })
            return new StkPushOutcome.Accepted(accepted.MerchantRequestId ?? "", checkoutId);

        if (accepted?.ResponseCode is { Length: > 0 } responseCode && responseCode != "0")
            return new StkPushOutcome.Rejected(StkErrorKind.Unknown, responseCode, DarajaTransport.Short(accepted.ResponseDescription));

        // An answer we cannot read may still hide an accepted push: only reconciliation can tell.
        return new StkPushOutcome.Unknown($"Unreadable answer from Daraja (HTTP {(int)response.StatusCode})");
    }

    private static StkQueryOutcome ToQueryOutcome(DarajaReply reply)
    {
        var response = reply.Response;
        if (response.ResponseStatus != ResponseStatus.Completed)
            return new StkQueryOutcome.Pending($"No answer from Daraja ({response.ResponseStatus})", null);

        if (reply.Error?.ErrorCode is { } code)
            return new StkQueryOutcome.Pending(DarajaTransport.Short(reply.Error.ErrorMessage), code);

        var body = response.IsSuccessStatusCode ? DarajaJson.TryRead<StkQueryWireResponse>(response.Content) : null;
        var resultCode = body?.ResultCode?.Trim();
        if (string.IsNullOrEmpty(resultCode))
            return new StkQueryOutcome.Pending($"No ResultCode (HTTP {(int)response.StatusCode})", body?.ResponseCode);

        return MpesaResultCodes.StatusOf(resultCode) switch
        {
            PaymentResultStatus.Success => new StkQueryOutcome.Succeeded(body!.ResultDesc ?? ""),
            PaymentResultStatus.Pending => new StkQueryOutcome.Pending(DarajaTransport.Short(body!.ResultDesc), resultCode),
            var status => new StkQueryOutcome.Failed(resultCode, MpesaResultCodes.KindOf(resultCode), status),
        };
    }
}
