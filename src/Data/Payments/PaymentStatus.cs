using System.Text.Json.Serialization;
using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Data.Payments;

[JsonConverter(typeof(TextValueJsonConverter<PaymentStatus>))]
public readonly record struct PaymentStatus : ITextValue<PaymentStatus>
{
    public static readonly PaymentStatus Initiated = new("INITIATED");
    public static readonly PaymentStatus Success = new("SUCCESS");
    public static readonly PaymentStatus Failed = new("FAILED");
    public static readonly PaymentStatus Cancelled = new("CANCELLED");
    public static readonly PaymentStatus Expired = new("EXPIRED");
    public static readonly PaymentStatus NeedsReview = new("NEEDS_REVIEW");

    public static IReadOnlyList<PaymentStatus> All { get; } = [Initiated, Success, Failed, Cancelled, Expired, NeedsReview];

    private PaymentStatus(string value) => Value = value;

    public string Value { get; }

    public static PaymentStatus Parse(string text) => TextValue.Parse<PaymentStatus>(text);

    public override string ToString() => Value;
}
