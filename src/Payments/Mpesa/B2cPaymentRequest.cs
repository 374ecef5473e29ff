namespace InvoiceFirst.Payments.Mpesa;

/// <summary>One B2C BusinessPayment from the deployment's shortcode: whole shillings to <paramref name="PartyB"/> (12 digits).</summary>
public sealed record B2cPaymentRequest(string OriginatorConversationId, long AmountShillings, string PartyB, string Remarks, string ResultUrl,
    string QueueTimeOutUrl);
