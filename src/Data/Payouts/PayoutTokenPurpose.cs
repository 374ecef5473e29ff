namespace InvoiceFirst.Data.Payouts;

/// <summary>What a payout's URL token was handed out for; stored in lower case.</summary>
public enum PayoutTokenPurpose
{
    /// <summary>The ResultURL/QueueTimeOutURL of one B2C request.</summary>
    Result,

    /// <summary>The ResultURL of one Transaction Status query about the payout.</summary>
    Status,
}
