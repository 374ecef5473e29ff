namespace InvoiceFirst.Payments.Mpesa;

/// <summary>One STK push to make. The phone is the payer (and prompt receiver) as <c>254XXXXXXXXX</c>.</summary>
public sealed record StkPushRequest(
    string PhoneMsisdn,
    long AmountShillings,
    string AccountReference,
    string Description,
    string CallbackUrl);
