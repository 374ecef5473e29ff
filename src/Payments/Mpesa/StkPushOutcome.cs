namespace InvoiceFirst.Payments.Mpesa;

/// <summary>What came of one STK push: accepted, refused, or unknown (sent but no answer).</summary>
public abstract record StkPushOutcome
{
    private StkPushOutcome()
    {
    }

    /// <summary>Daraja accepted the request; the result arrives on the callback (or via query).</summary>
    public sealed record Accepted(string MerchantRequestId, string CheckoutRequestId) : StkPushOutcome;

    /// <summary>Daraja refused the request (or we refused to send it); no prompt reached the phone.</summary>
    public sealed record Rejected(StkErrorKind Kind, string ErrorCode, string Description) : StkPushOutcome;

    /// <summary>
    /// The request may have reached Daraja but no usable answer came back (timeout, dropped connection).
    /// The customer may get a prompt: never re-push; let the callback or reconciliation decide.
    /// </summary>
    public sealed record Unknown(string Reason) : StkPushOutcome;
}
