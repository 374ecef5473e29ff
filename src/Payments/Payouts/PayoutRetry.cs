using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Payouts;

namespace InvoiceFirst.Payments.Payouts;

/// <summary>What became of a person's retry of a payout.</summary>
public abstract record PayoutRetry
{
    private PayoutRetry() { }

    /// <summary>A new pending payout, sent next.</summary>
    public sealed record Recorded(Payout Payout) : PayoutRetry;

    /// <summary>Only a failed payout can be retried.</summary>
    public sealed record NotFailed(Payout Payout) : PayoutRetry;

    /// <summary>This failed payout was retried before.</summary>
    public sealed record AlreadyRetried : PayoutRetry;

    /// <summary>What is available now (the balance less payouts on their way) is less than the payout.</summary>
    public sealed record OverBalance(Money Available) : PayoutRetry;

    public sealed record NoSuchPayout : PayoutRetry;
}
