using InvoiceFirst.Data.Payments;
namespace InvoiceFirst.Data.Ops;

/// <summary>A payment whose outcome M-PESA left unclear (NEEDS_REVIEW), with the invoice and merchant it is for.</summary>
public sealed record PaymentInReview
{
    public long Id { get; init; }
    public long? MerchantId { get; init; }
    public string? MerchantName { get; init; }
    public string? InvoiceNumber { get; init; }
    public required PaymentMethod Method { get; init; }
    public long AmountCents { get; init; }
    public string? MpesaReceipt { get; init; }

    /// <summary>Why it is in review, as M-PESA or the query worker put it.</summary>
    public string? ResultDesc { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>An unreadable provider body kept for a person; the page lists what and why, never the body.</summary>
public sealed record ReviewItemSummary
{
    public long Id { get; init; }
    public required string Source { get; init; }
    public required string Reason { get; init; }
    public long? PaymentId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
