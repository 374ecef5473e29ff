namespace InvoiceFirst.Data.Ledger;

/// <summary>What a ledger entry records; stored in lower case (<c>credit</c>, <c>fee</c>, <c>payout</c>).</summary>
public enum LedgerEntryKind
{
    /// <summary>A settled payment the deployment collected for the merchant (positive).</summary>
    Credit,

    /// <summary>The operator's fee on one credited payment (negative).</summary>
    Fee,

    /// <summary>Money the operator paid out to the merchant (negative).</summary>
    Payout,
}
