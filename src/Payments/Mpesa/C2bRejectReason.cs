namespace InvoiceFirst.Payments.Mpesa;

/// <summary>Why a C2B validation is refused; each maps to Daraja's <c>C2B000xx</c> code.</summary>
public enum C2bRejectReason
{
    InvalidMsisdn,
    InvalidAccountNumber,
    InvalidAmount,
    InvalidKycDetails,
    InvalidShortCode,
    Other,
}
