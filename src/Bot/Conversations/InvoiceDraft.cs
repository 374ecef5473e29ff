namespace InvoiceFirst.Bot.Conversations;

/// <summary>The invoice being assembled by the guided flow; persisted with the conversation.</summary>
public sealed record InvoiceDraft
{
    public string? Msisdn { get; init; }

    public string? CustomerName { get; init; }

    public long? AmountShillings { get; init; }

    public string? Description { get; init; }

    /// <summary>
    /// The lines of a multi-item invoice; null for one amount. When set, <see cref="AmountShillings"/> is their sum and
    /// <see cref="Description"/> their names (<see cref="DraftItem.Describe"/>).
    /// </summary>
    public IReadOnlyList<DraftItem>? Items { get; init; }

    public bool HasItems => Items is { Count: > 0 };

    /// <summary>This draft with <paramref name="items"/> as its lines (null or none: back to one amount, their sum).</summary>
    public InvoiceDraft WithItems(IReadOnlyList<DraftItem>? items) => items is { Count: > 0 }
        ? this with { Items = items, AmountShillings = DraftItem.Sum(items), Description = DraftItem.Describe(items) }
        : this with { Items = null };

    /// <summary>True when the customer was picked from the merchant's address book by name.</summary>
    public bool IsSavedCustomer { get; init; }

    /// <summary>True while one field is being changed from the summary: the next answer goes back to the summary.</summary>
    public bool Editing { get; init; }
}
