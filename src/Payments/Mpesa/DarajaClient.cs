using System.Globalization;
using InvoiceFirst.Data.Privacy;
using InvoiceFirst.Payments.Mpesa.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RestSharp;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>Daraja STK push and STK query. Never retries a push except once after a rejected token.</summary>
public sealed class DarajaClient(
    IHttpClientFactory httpClientFactory,
    DarajaTokenProvider tokens,
    IOptions<MpesaOptions> options,
    TimeProvider time,
    ILogger<DarajaClient> logger)
{
    public const string HttpClientName = "mpesa";
    private const string StkPushPath = "mpesa/stkpush/v1/processrequest";
    private const string StkQueryPath = "mpesa/stkpushquery/v1/query";

    public async Task<StkPushOutcome> StkPushAsync(StkPushRequest request, CancellationToken ct)
    {
        var settings = options.Value;
        if (StkPushValidation.Check(request, settings) is { } invalid) return invalid;

        var timestamp = DarajaTimestamp.Now(time);
        var body = new StkPushWireRequest
        {
            BusinessShortCode = long.Parse(settings.ShortCode, CultureInfo.InvariantCulture),
            Password = StkPassword.Compute(settings.ShortCode, settings.Passkey, timestamp),
            Timestamp = timestamp,
            TransactionType = settings.TransactionType,
            Amount = request.AmountShillings.ToString(CultureInfo.InvariantCulture),
            PartyA = request.PhoneMsisdn,
            PartyB = settings.EffectivePartyB,
            PhoneNumber = request.PhoneMsisdn,
            CallBackUrl = request.CallbackUrl,
            AccountReference = request.AccountReference,
            TransactionDesc = StkPushValidation.Description(request),
        };

        DarajaReply reply;
        try
        {
            reply = await SendAsync(StkPushPath, body, ct);
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

    public async Task<StkQueryOutcome> QueryAsync(string checkoutRequestId, CancellationToken ct)
    {
        var settings = options.Value;
        var timestamp = DarajaTimestamp.Now(time);
        var body = new StkQueryWireRequest
        {
            BusinessShortCode = settings.ShortCode,
            Password = StkPassword.Compute(settings.ShortCode, settings.Passkey, timestamp),
            Timestamp = timestamp,
            CheckoutRequestId = checkoutRequestId,
        };

        DarajaReply reply;
        try
        {
            reply = await SendAsync(StkQueryPath, body, ct);
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
                StkErrorClassifier.Classify(code, reply.Error.ErrorMessage), code, Short(reply.Error.ErrorMessage));

        var accepted = response.IsSuccessStatusCode ? DarajaJson.TryRead<StkPushWireResponse>(response.Content) : null;
        if (accepted is { ResponseCode: "0", CheckoutRequestId: { Length: > 0 } checkoutId })
            return new StkPushOutcome.Accepted(accepted.MerchantRequestId ?? "", checkoutId);

        if (accepted?.ResponseCode is { Length: > 0 } responseCode && responseCode != "0")
            return new StkPushOutcome.Rejected(StkErrorKind.Unknown, responseCode, Short(accepted.ResponseDescription));

        // An answer we cannot read may still hide an accepted push: only reconciliation can tell.
        return new StkPushOutcome.Unknown($"Unreadable answer from Daraja (HTTP {(int)response.StatusCode})");
    }

    private static StkQueryOutcome ToQueryOutcome(DarajaReply reply)
    {
        var response = reply.Response;
        if (response.ResponseStatus != ResponseStatus.Completed)
            return new StkQueryOutcome.Pending($"No answer from Daraja ({response.ResponseStatus})", null);

        if (reply.Error?.ErrorCode is { } code)
            return new StkQueryOutcome.Pending(Short(reply.Error.ErrorMessage), code);

        var body = response.IsSuccessStatusCode ? DarajaJson.TryRead<StkQueryWireResponse>(response.Content) : null;
        var resultCode = body?.ResultCode?.Trim();
        if (string.IsNullOrEmpty(resultCode))
            return new StkQueryOutcome.Pending($"No ResultCode (HTTP {(int)response.StatusCode})", body?.ResponseCode);

        return MpesaResultCodes.StatusOf(resultCode) switch
        {
            PaymentResultStatus.Success => new StkQueryOutcome.Succeeded(body!.ResultDesc ?? ""),
            PaymentResultStatus.Pending => new StkQueryOutcome.Pending(Short(body!.ResultDesc), resultCode),
            var status => new StkQueryOutcome.Failed(resultCode, MpesaResultCodes.KindOf(resultCode), status),
        };
    }

    private async Task<DarajaReply> SendAsync<TBody>(string path, TBody body, CancellationToken ct)
        where TBody : class
    {
        var token = await tokens.GetTokenAsync(ct);
        var reply = await PostAsync(path, body, token, ct);
        if (!StkErrorClassifier.IsInvalidToken(reply.Error?.ErrorCode)) return reply;

        // Daraja refused the token before processing the request, so exactly one retry is safe even for a push.
        logger.LogInformation("Daraja rejected the access token ({ErrorCode}); refreshing once", reply.Error!.ErrorCode);
        await tokens.InvalidateAsync(token, ct);
        token = await tokens.GetTokenAsync(ct);
        return await PostAsync(path, body, token, ct);
    }

    private async Task<DarajaReply> PostAsync<TBody>(string path, TBody body, string token, CancellationToken ct)
        where TBody : class
    {
        using var client = DarajaRest.Create(httpClientFactory, options.Value.BaseUrl);
        var request = new RestRequest(path, Method.Post)
            .AddHeader("Authorization", $"Bearer {token}")
            .AddJsonBody(body);

        var response = await client.ExecuteAsync(request, ct);
        ct.ThrowIfCancellationRequested();

        var error = response is { ResponseStatus: ResponseStatus.Completed, IsSuccessStatusCode: false }
            ? DarajaJson.TryRead<DarajaErrorResponse>(response.Content)
            : null;
        return new DarajaReply(response, error);
    }

    // Daraja's messages carry no personal data, but keep them short for logs and storage.
    private static string Short(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Length <= 120 ? text : text[..120];

    private sealed record DarajaReply(RestResponse Response, DarajaErrorResponse? Error);
}
