using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>One line of the unpaid-invoices list; <paramref name="By"/> names the staff member who sent it (null: the owner).</summary>
public sealed record InvoiceSummary(string Number, string Customer, Money Balance, string? By = null);
