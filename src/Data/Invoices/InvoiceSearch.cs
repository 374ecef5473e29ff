namespace InvoiceFirst.Data.Invoices;

/// <param name="Text">Matched in the customer's name, the number, the description and the phone (07... or 2547...).</param>
/// <param name="From">Created at or after (inclusive).</param>
/// <param name="To">Created before (exclusive).</param>
public sealed record InvoiceSearch(string? Text, InvoiceStatus? Status, DateTimeOffset? From, DateTimeOffset? To, int Offset, int Limit);
