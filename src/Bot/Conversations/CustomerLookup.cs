namespace InvoiceFirst.Bot.Conversations;

/// <summary>A name looked up in the address book: one customer, several to choose from, or none.</summary>
public sealed record CustomerLookup(SavedCustomer? Found, IReadOnlyList<SavedCustomer> Several)
{
    public static readonly CustomerLookup None = new(null, []);

    public bool IsAmbiguous => Several.Count > 1;
}
