using InvoiceFirst.Data.Domain;
namespace InvoiceFirst.Data.Invoices;

public sealed record Invoice
{
    public required string Id { get; init; }
    public long MerchantId { get; init; }
    public long CustomerId { get; init; }
    public required string Number { get; init; }

    /// <summary>Merchant code and number (<c>MM7-42</c>), unique across the deployment; null on invoices made before references.</summary>
    public string? PaymentRef { get; init; }
    public required string Msisdn { get; init; }
    public string? CustomerName { get; init; }
    public required string Description { get; init; }
    public long AmountCents { get; init; }
    public long AmountPaidCents { get; init; }
    public string Currency { get; init; } = "KES";
    public required InvoiceStatus Status { get; init; }
    public required string PayToken { get; init; }
    public string? IdempotencyKey { get; init; }
    public string? RequestHash { get; init; }
    public bool RemindersEnabled { get; init; } = true;

    /// <summary>The language it was sent in ("en" or "sw"); null for invoices from before it was recorded.</summary>
    public string? Language { get; init; }

    /// <summary>The phone of the staff member who made it; null when the owner did (or the API).</summary>
    public string? CreatedBy { get; init; }

    /// <summary>How VAT was charged when it was made; <see cref="VatCents"/> is the VAT inside <see cref="AmountCents"/>.</summary>
    public VatMode Vat { get; init; }
    public long VatCents { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public DateTimeOffset? PaidAt { get; init; }
    public DateTimeOffset? CancelledAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>What the customer types as the Paybill account, and STK sends as AccountReference.</summary>
    public string PaymentReference => PaymentRef ?? Number;

    public long BalanceCents => AmountCents - AmountPaidCents;

    public Money Amount => Money.FromCents(AmountCents);

    /// <summary>Net, VAT and gross as the invoice was made.</summary>
    public VatBreakdown VatBreakdown => VatBreakdown.Of(Vat, Amount, Money.FromCents(VatCents));

    public Money AmountPaid => Money.FromCents(AmountPaidCents);

    /// <summary>What is still owed; negative once overpaid.</summary>
    public Money Balance => Money.FromCents(BalanceCents);
}
