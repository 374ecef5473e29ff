using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>One line of the unpaid-invoices list.</summary>
public sealed record InvoiceSummary(string Number, string Customer, Money Balance);
