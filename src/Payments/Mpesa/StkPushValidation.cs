using System.Text.RegularExpressions;

namespace InvoiceFirst.Payments.Mpesa;

/// <summary>Checks made before an STK push leaves, so bad input never costs a Daraja call.</summary>
internal static partial class StkPushValidation
{
    public const int MaxAccountReference = 12;
    public const int MaxDescription = 13;

    public static StkPushOutcome.Rejected? Check(StkPushRequest request, DarajaAccount account, MpesaOptions settings)
    {
        if (!long.TryParse(account.ShortCode, out _))
            return Local(StkErrorKind.Configuration, "shortcode", "Mpesa:ShortCode must be numeric");
        if (account.TransactionType is not (MpesaOptions.PayBill or MpesaOptions.BuyGoods))
            return Local(StkErrorKind.Configuration, "transaction_type", "Mpesa:TransactionType is not supported");
        if (!Uri.TryCreate(request.CallbackUrl, UriKind.Absolute, out var callback)
            || callback.Scheme is not ("https" or "http"))
            return Local(StkErrorKind.Configuration, "callback_url", "Callback URL must be an absolute http(s) URL");
        if (!Msisdn().IsMatch(request.PhoneMsisdn ?? ""))
            return Local(StkErrorKind.InvalidRequest, "phone", "Phone must be 254 followed by 9 digits");
        if (request.AmountShillings < 1 || request.AmountShillings > settings.MaxAmountPerTransaction)
            return Local(StkErrorKind.InvalidRequest, "amount", $"Amount must be 1 to {settings.MaxAmountPerTransaction} KES");
        if (!AccountReference().IsMatch(request.AccountReference ?? ""))
            return Local(StkErrorKind.InvalidRequest, "account_reference",
                $"Account reference must be 1 to {MaxAccountReference} letters, digits or dashes");
        return null;
    }

    public static string Description(StkPushRequest request)
    {
        var text = string.IsNullOrWhiteSpace(request.Description) ? request.AccountReference : request.Description.Trim();
        return text.Length <= MaxDescription ? text : text[..MaxDescription];
    }

    private static StkPushOutcome.Rejected Local(StkErrorKind kind, string field, string description) =>
        new(kind, $"local.{field}", description);

    [GeneratedRegex(@"^254[17]\d{8}$")]
    private static partial Regex Msisdn();

    [GeneratedRegex(@"^[A-Za-z0-9-]{1,12}$")]
    private static partial Regex AccountReference();
}
