namespace InvoiceFirst.Payments.Mpesa;

/// <summary>Daraja STK ResultCodes (callback and query), spec 4.5. Codes are strings: <c>SFC_IC0003</c> exists.</summary>
public static class MpesaResultCodes
{
    public const string Success = "0";
    public const string Cancelled = "1032";
    public const string StillProcessing = "4999";

    private static readonly Dictionary<string, PaymentFailureKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["1"] = PaymentFailureKind.InsufficientFunds,
        ["2"] = PaymentFailureKind.LimitExceeded,
        ["3"] = PaymentFailureKind.LimitExceeded,
        ["4"] = PaymentFailureKind.LimitExceeded,
        ["8"] = PaymentFailureKind.LimitExceeded,
        ["17"] = PaymentFailureKind.LimitExceeded,
        ["26"] = PaymentFailureKind.Transient,
        ["1001"] = PaymentFailureKind.SubscriberBusy,
        ["1019"] = PaymentFailureKind.Expired,
        ["1025"] = PaymentFailureKind.Transient,
        ["1032"] = PaymentFailureKind.Cancelled,
        ["1037"] = PaymentFailureKind.NoAnswer,
        ["2001"] = PaymentFailureKind.WrongPin,
        ["2028"] = PaymentFailureKind.Configuration,
        ["4999"] = PaymentFailureKind.Pending,
        ["9999"] = PaymentFailureKind.Transient,
        ["SFC_IC0003"] = PaymentFailureKind.Configuration,
    };

    public static bool IsSuccess(string? resultCode) => resultCode?.Trim() == Success;

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
}
