using InvoiceFirst.Data.Inbox;

namespace InvoiceFirst.Testing;

/// <summary>
/// Every field a parsed event can carry, side by side, so a table of parser cases can assert any of them
/// whatever type the parser chose (and that a field of another type stays empty).
/// </summary>
public sealed record EventView(
    InboundKind Kind, string Provider, string EventId, DateTimeOffset Timestamp, string? Channel, string? From, string? Text,
    string? ButtonId, string? UnsupportedType, string? EditOf, string? BusinessNumberId, string? MessageId, string? Status, string? ErrorCode)
{
    public static EventView Of(InboundEvent e) => e switch
    {
        ChatEvent c => new(c.Kind, c.Provider, c.EventId, c.Timestamp, c.Channel, c.From, c.Text, c.ButtonId, c.UnsupportedType, c.EditOf,
            c.BusinessNumberId, null, null, null),
        DeliveryReport d => new(d.Kind, d.Provider, d.EventId, d.Timestamp, d.Channel, d.Recipient, null, null, null, null,
            d.BusinessNumberId, d.MessageId, d.Status, d.ErrorCode),
        _ => new(e.Kind, e.Provider, e.EventId, e.Timestamp, null, null, null, null, null, null, null, null, null, null),
    };

    public static IReadOnlyList<EventView> Of(IEnumerable<InboundEvent> events) => events.Select(Of).ToList();
}
