using InvoiceFirst.Data.Payments;
namespace InvoiceFirst.Payments.Mpesa;

/// <summary>What STK Query says about one CheckoutRequestID.</summary>
public abstract record StkQueryOutcome
{
    private StkQueryOutcome()
    {
    }

    /// <summary>ResultCode 0. The query carries no receipt or amount; those come from the callback.</summary>
    public sealed record Succeeded(string ResultDesc) : StkQueryOutcome;

    /// <summary>A final non-zero ResultCode. <see cref="Status"/> is NeedsReview for codes we do not know.</summary>
    public sealed record Failed(string ResultCode, PaymentFailureKind Kind, PaymentResultStatus Status) : StkQueryOutcome;

    /// <summary>No final answer yet (4999, 500.001.1001, busy, unreachable): ask again later.</summary>
    public sealed record Pending(string Reason, string? ErrorCode) : StkQueryOutcome;
}
