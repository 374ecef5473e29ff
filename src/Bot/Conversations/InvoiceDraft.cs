namespace InvoiceFirst.Bot.Conversations;

/// <summary>The invoice being assembled by the guided flow; persisted with the conversation.</summary>
public sealed record InvoiceDraft
{
    public string? Msisdn { get; init; }

    public string? CustomerName { get; init; }

    public long? AmountShillings { get; init; }

    public string? Description { get; init; }

    /// <summary>True when the customer was picked from the merchant's address book by name.</summary>
    public bool IsSavedCustomer { get; init; }

    /// <summary>True while one field is being changed from the summary: the next answer goes back to the summary.</summary>
    public bool Editing { get; init; }
}
