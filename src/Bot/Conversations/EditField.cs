namespace InvoiceFirst.Bot.Conversations;

/// <summary>What the merchant wants to change after tapping Edit at the summary.</summary>
public enum EditField
{
    Customer,
    Amount,
    Description,
}
