using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>One line of the "which invoice?" question a customer gets.</summary>
public sealed record PayableSummary(string Number, string MerchantName, Money Balance, string Description);
