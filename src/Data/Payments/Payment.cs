using InvoiceFirst.Data.Domain;
namespace InvoiceFirst.Data.Payments;

/// <summary>
/// One attempt to pay (an STK push) or one payment received (C2B). A SUCCESS STK payment with no
/// receipt was confirmed by STK Query alone; reconciliation attaches the receipt later.
/// </summary>
public sealed record Payment
{
    public long Id { get; init; }
    public string? InvoiceId { get; init; }
    public required PaymentMethod Method { get; init; }
    public required PaymentStatus Status { get; init; }
    public long AmountCents { get; init; }

    public Money Amount => Money.FromCents(AmountCents);
    public string? Msisdn { get; init; }
    public required string IdempotencyKey { get; init; }
    public string? CallbackToken { get; init; }
    public string? MerchantRequestId { get; init; }
    public string? CheckoutRequestId { get; init; }
    public string? MpesaReceipt { get; init; }
    public string? ResultCode { get; init; }
    public string? ResultDesc { get; init; }
    public string? RawCallback { get; init; }

    /// <summary><c>sms</c> when the payer asked by SMS, so answers go back the same way.</summary>
    public string? ReplyChannel { get; init; }
    public DateTimeOffset? PushStartedAt { get; init; }
    public DateTimeOffset? NextQueryAt { get; init; }
    public int QueryAttempts { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? SettledAt { get; init; }

    /// <summary>The Daraja app that pushed it: a merchant's own (<c>m42v…</c>), or null for the deployment's.</summary>
    public string? DarajaAccount { get; init; }
}
