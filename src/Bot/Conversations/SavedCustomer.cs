namespace InvoiceFirst.Bot.Conversations;

/// <summary>A customer from the merchant's address book, looked up by the caller for the flow.</summary>
public sealed record SavedCustomer(string Msisdn, string Name);
