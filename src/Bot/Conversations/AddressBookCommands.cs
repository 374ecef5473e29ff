namespace InvoiceFirst.Bot.Conversations;

// Commands of the address book and of paged lists: a tiny group of the ParsedCommand hierarchy.

/// <summary><c>more</c> / <c>zaidi</c>: the next page of the list shown last.</summary>
public sealed record MoreCommand : ParsedCommand;

/// <summary><c>customers</c> / <c>wateja</c> [page]: the address book, 10 a page.</summary>
public sealed record CustomersCommand(int Page) : ParsedCommand;

/// <summary><c>customer Jane Wanjiru 0712345678</c> / <c>mteja …</c>: save the phone under that name (or rename it, after asking).</summary>
public sealed record SaveCustomerCommand(string Name, string Msisdn) : ParsedCommand;

/// <summary><c>customer</c> without a usable name and phone: the reply says what to type.</summary>
public sealed record SaveCustomerRefused(SaveCustomerProblem Problem) : ParsedCommand;

public enum SaveCustomerProblem
{
    Missing,
    InvalidPhone,
    InvalidName,
}
