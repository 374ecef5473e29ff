using System.Text.Json.Serialization;
using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Data.Invoices;

[JsonConverter(typeof(TextValueJsonConverter<InvoiceStatus>))]
public readonly record struct InvoiceStatus : ITextValue<InvoiceStatus>
{
    public static readonly InvoiceStatus Pending = new("PENDING");
    public static readonly InvoiceStatus Sent = new("SENT");
    public static readonly InvoiceStatus PartiallyPaid = new("PARTIALLY_PAID");
    public static readonly InvoiceStatus Paid = new("PAID");
    public static readonly InvoiceStatus Cancelled = new("CANCELLED");
    public static readonly InvoiceStatus Failed = new("FAILED");
    public static readonly InvoiceStatus Expired = new("EXPIRED");

    public static IReadOnlyList<InvoiceStatus> All { get; } = [Pending, Sent, PartiallyPaid, Paid, Cancelled, Failed, Expired];

    private InvoiceStatus(string value) => Value = value;

    public string Value { get; }

    /// <summary>The customer still owes money and may pay.</summary>
    public bool IsPayable => this == Pending || this == Sent || this == PartiallyPaid || this == Failed || this == Expired;

    public bool IsOpen => this == Pending || this == Sent || this == PartiallyPaid || this == Failed;

    public static InvoiceStatus Parse(string text) => TextValue.Parse<InvoiceStatus>(text);

    public static bool TryParse(string? text, out InvoiceStatus status) => TextValue.TryParse(text, out status);

    public override string ToString() => Value;
}
