using System.Text.Json.Serialization;
using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Data.Payments;

[JsonConverter(typeof(TextValueJsonConverter<PaymentMethod>))]
public readonly record struct PaymentMethod : ITextValue<PaymentMethod>
{
    public static readonly PaymentMethod Stk = new("STK");
    public static readonly PaymentMethod C2b = new("C2B");

    public static IReadOnlyList<PaymentMethod> All { get; } = [Stk, C2b];

    private PaymentMethod(string value) => Value = value;

    public string Value { get; }

    public static PaymentMethod Parse(string text) => TextValue.Parse<PaymentMethod>(text);

    public override string ToString() => Value;
}
