namespace InvoiceFirst.Data.Payouts;

/// <summary>Where a payout is; stored in lower case. Pending, sending and sent hold their amount back from the balance.</summary>
public enum PayoutStatus
{
    /// <summary>Recorded, nothing sent yet.</summary>
    Pending,

    /// <summary>Claimed right before the POST; still here after it: the outcome is unknown (sent again with the same id).</summary>
    Sending,

    /// <summary>Daraja acknowledged the request; the result comes to the result URL (or Transaction Status tells).</summary>
    Sent,

    /// <summary>M-PESA paid the merchant; the ledger has its payout entry.</summary>
    Paid,

    /// <summary>Refused or failed; nothing was paid. Only a person retries it (a new payout).</summary>
    Failed,
}
