namespace InvoiceFirst.Data.Payments;

/// <summary>
/// A Paybill/Till payment made by hand (C2B validation or confirmation). The MSISDN arrives
/// masked from Daraja (v2), so it cannot identify the payer on its own.
/// </summary>
public sealed record C2bPayment(
    string TransId,
    string TransTime,
    long AmountShillings,
    string BillRefNumber,
    string MaskedMsisdn,
    string FirstName,
    string TransactionType,
    string BusinessShortCode);
