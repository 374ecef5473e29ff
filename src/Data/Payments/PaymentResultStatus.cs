namespace InvoiceFirst.Data.Payments;

/// <summary>What a final Daraja ResultCode does to the payment row.</summary>
public enum PaymentResultStatus
{
    Success,
    Failed,
    Cancelled,

    /// <summary>Still open at Daraja: ask again later.</summary>
    Pending,

    /// <summary>A code we do not know: keep the payment unsettled and page a human, never mark it failed.</summary>
    NeedsReview,
}
