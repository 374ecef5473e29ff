using System.Text.Json.Serialization;
using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Data.Outbox;

/// <summary>Why a message is sent; decides fallback and what failure means.</summary>
[JsonConverter(typeof(TextValueJsonConverter<OutboxPurpose>))]
public readonly record struct OutboxPurpose : ITextValue<OutboxPurpose>
{
    public static readonly OutboxPurpose Reply = new("reply");
    public static readonly OutboxPurpose Invoice = new("invoice");
    public static readonly OutboxPurpose Reminder = new("reminder");
    public static readonly OutboxPurpose Receipt = new("receipt");
    public static readonly OutboxPurpose Notice = new("notice");

    public static IReadOnlyList<OutboxPurpose> All { get; } = [Reply, Invoice, Reminder, Receipt, Notice];

    private OutboxPurpose(string value) => Value = value;

    public string Value { get; }

    public static OutboxPurpose Parse(string text) => TextValue.Parse<OutboxPurpose>(text);

    public override string ToString() => Value;
}
