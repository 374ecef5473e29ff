namespace InvoiceFirst.Data.Payments;

/// <summary>
/// Daraja STK ResultCodes (callback and query) as data: spec 4.5 plus the codes seen in public
/// fixtures. Codes are strings (<c>SFC_IC0003</c> exists). A code not in the table is asked about
/// with STK Query before anything is decided; only a query that also answers it unknown goes to a person.
/// </summary>
public static class MpesaResultCodes
{
    public const string Success = "0";
    public const string Cancelled = "1032";
    public const string StillProcessing = "4999";

    private static readonly Dictionary<string, PaymentFailureKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["1"] = PaymentFailureKind.InsufficientFunds,      // balance insufficient
        ["2"] = PaymentFailureKind.LimitExceeded,          // below the C2B minimum
        ["3"] = PaymentFailureKind.LimitExceeded,          // above the per-transaction maximum
        ["4"] = PaymentFailureKind.LimitExceeded,          // customer's daily limit
        ["8"] = PaymentFailureKind.LimitExceeded,          // the Paybill/Till's maximum balance
        ["17"] = PaymentFailureKind.RepeatTooSoon,         // same amount, same customer within 2 minutes
        ["26"] = PaymentFailureKind.Transient,             // system busy
        ["1001"] = PaymentFailureKind.SubscriberBusy,      // another M-PESA session on the phone
        ["1019"] = PaymentFailureKind.Expired,             // transaction expired
        ["1025"] = PaymentFailureKind.Transient,           // error sending the push
        ["1031"] = PaymentFailureKind.Cancelled,           // "Request cancelled by user" (older sandboxes)
        ["1032"] = PaymentFailureKind.Cancelled,           // request cancelled by user
        ["1036"] = PaymentFailureKind.NoAnswer,            // "[STK_CB - ]SMSC ACK timeout": the prompt never reached the phone
        ["1037"] = PaymentFailureKind.NoAnswer,            // DS timeout, user cannot be reached
        ["2001"] = PaymentFailureKind.WrongPin,            // initiator information invalid: a wrong PIN
        ["2028"] = PaymentFailureKind.Configuration,       // not permitted for the product (TransactionType/PartyB)
        ["4999"] = PaymentFailureKind.Pending,             // still under processing (query only)
        ["8006"] = PaymentFailureKind.PinLocked,           // the customer's PIN is locked
        ["9999"] = PaymentFailureKind.Transient,           // error sending the push
        ["SFC_IC0003"] = PaymentFailureKind.Configuration, // the operator does not exist
    };

    public static bool IsSuccess(string? resultCode) => resultCode?.Trim() == Success;

    public static bool IsKnown(string? resultCode) => IsSuccess(resultCode) || (resultCode is not null && Kinds.ContainsKey(resultCode.Trim()));

    /// <summary>Failure kind for a non-zero code; <see cref="PaymentFailureKind.Unknown"/> for codes not in the table.</summary>
    public static PaymentFailureKind KindOf(string? resultCode) =>
        resultCode is not null && Kinds.TryGetValue(resultCode.Trim(), out var kind) ? kind : PaymentFailureKind.Unknown;

    public static PaymentResultStatus StatusOf(string? resultCode)
    {
        if (IsSuccess(resultCode)) return PaymentResultStatus.Success;
        return KindOf(resultCode) switch
        {
            PaymentFailureKind.Cancelled => PaymentResultStatus.Cancelled,
            PaymentFailureKind.Pending => PaymentResultStatus.Pending,
            PaymentFailureKind.Unknown => PaymentResultStatus.NeedsReview,
            _ => PaymentResultStatus.Failed,
        };
    }

    /// <summary>Whether the customer can simply try again (a new prompt may succeed); false for the merchant's setup or limits.</summary>
    public static bool CanTryAgain(PaymentFailureKind kind) =>
        kind is not (PaymentFailureKind.Configuration or PaymentFailureKind.PinLocked or PaymentFailureKind.LimitExceeded);
}
