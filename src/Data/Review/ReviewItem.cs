using InvoiceFirst.Data.Inbox;

namespace InvoiceFirst.Data.Review;

/// <summary>An authenticated provider body we could not fully read, kept for a person to look at.</summary>
public sealed record ReviewItem
{
    public long Id { get; init; }

    /// <summary>What it claimed to be: <c>c2b_confirmation</c>, <c>stk_callback</c>, <c>tx_status_result</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The inbox event it came in as; one review item per event.</summary>
    public required string SourceEventId { get; init; }
    public required string Reason { get; init; }
    public required string Raw { get; init; }
    public long? PaymentId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The stored event's body, kept under the event's id.</summary>
    public static ReviewItem Of(PaymentCallback inbound, string source, string reason, DateTimeOffset now, long? paymentId = null) => new()
    {
        Source = source, SourceEventId = inbound.EventId, Reason = reason, Raw = inbound.Raw, PaymentId = paymentId, CreatedAt = now,
    };
}
