namespace InvoiceFirst.Bot.Conversations;

/// <summary>One line of the address book as <c>customers</c> lists it; a number may be saved without a name.</summary>
public sealed record SavedCustomerLine(string? Name, string Msisdn);
