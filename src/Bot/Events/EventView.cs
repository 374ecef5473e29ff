using InvoiceFirst.Data.Events;

namespace InvoiceFirst.Bot.Events;

/// <summary>The JSON <c>data:</c> of one SSE event: ids, a status and a time, never personal data.</summary>
public sealed record EventView(long Id, string Type, long? MerchantId, string? InvoiceId, long? PaymentId, long? OutboxId, string? Provider,
    string? Status, DateTimeOffset OccurredAt)
{
    public static EventView From(LiveEvent e) =>
        new(e.Id, e.Type, e.MerchantId, e.InvoiceId, e.PaymentId, e.OutboxId, e.Provider, e.Status, e.OccurredAt);
}

/// <summary>A page of events in commit order; <see cref="NextAfter"/> is the <c>after</c> of the next page (null at the end).</summary>
public sealed record EventPage(IReadOnlyList<EventView> Events, long? NextAfter);
