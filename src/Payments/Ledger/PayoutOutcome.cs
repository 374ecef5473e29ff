using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Ledger;

namespace InvoiceFirst.Payments.Ledger;

/// <summary>What became of a payout the operator recorded.</summary>
public abstract record PayoutOutcome
{
    private PayoutOutcome() { }

    /// <summary>A new payout entry; <paramref name="Balance"/> is what is left after it.</summary>
    public sealed record Recorded(LedgerEntry Entry, Money Balance) : PayoutOutcome;

    /// <summary>The same payout (reference and amount) was recorded before: nothing new.</summary>
    public sealed record AlreadyRecorded(LedgerEntry Entry, Money Balance) : PayoutOutcome;

    /// <summary>The reference is recorded with another amount.</summary>
    public sealed record ReferenceTaken(LedgerEntry Existing) : PayoutOutcome;

    /// <summary>More than is available: <paramref name="Balance"/> is the balance less the B2C payouts on their way.</summary>
    public sealed record OverBalance(Money Balance) : PayoutOutcome;

    public sealed record NoSuchMerchant : PayoutOutcome;
}
