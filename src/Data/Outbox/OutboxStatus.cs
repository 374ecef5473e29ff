using System.Text.Json.Serialization;
using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Data.Outbox;

[JsonConverter(typeof(TextValueJsonConverter<OutboxStatus>))]
public readonly record struct OutboxStatus : ITextValue<OutboxStatus>
{
    public static readonly OutboxStatus Pending = new("PENDING");
    public static readonly OutboxStatus Sending = new("SENDING");
    public static readonly OutboxStatus Sent = new("SENT");
    public static readonly OutboxStatus Delivered = new("DELIVERED");
    public static readonly OutboxStatus Read = new("READ");
    public static readonly OutboxStatus Failed = new("FAILED");
    public static readonly OutboxStatus Dead = new("DEAD");

    public static IReadOnlyList<OutboxStatus> All { get; } = [Pending, Sending, Sent, Delivered, Read, Failed, Dead];

    private OutboxStatus(string value) => Value = value;

    public string Value { get; }

    public static OutboxStatus Parse(string text) => TextValue.Parse<OutboxStatus>(text);

    public override string ToString() => Value;
}
