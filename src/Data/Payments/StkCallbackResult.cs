using System.Text.Json.Serialization;
namespace InvoiceFirst.Data.Payments;

/// <summary>
/// One STK callback, normalized. ResultCode is a string because Daraja has non-numeric codes
/// (<c>SFC_IC0003</c>). The payment fields are set only on success.
/// </summary>
public sealed record StkCallbackResult
{
    public required string MerchantRequestId { get; init; }
    public required string CheckoutRequestId { get; init; }
    public required string ResultCode { get; init; }
    public string ResultDesc { get; init; } = "";

    /// <summary>Whole shillings paid; null when the callback is a failure.</summary>
    public long? AmountShillings { get; init; }

    public string? MpesaReceiptNumber { get; init; }

    /// <summary><c>yyyyMMddHHmmss</c> in Nairobi time, exactly as sent.</summary>
    public string? TransactionDate { get; init; }

    /// <summary>Payer MSISDN as digits.</summary>
    public string? PhoneNumber { get; init; }

    [JsonIgnore]
    public bool IsSuccess => MpesaResultCodes.IsSuccess(ResultCode);

    [JsonIgnore]
    public PaymentResultStatus Status => MpesaResultCodes.StatusOf(ResultCode);

    [JsonIgnore]
    public PaymentFailureKind? FailureKind => IsSuccess ? null : MpesaResultCodes.KindOf(ResultCode);
}
