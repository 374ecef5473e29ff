namespace InvoiceFirst.Bot.PayPage;

/// <summary>What the page polls for: the invoice's state and its latest M-PESA prompt's state.</summary>
public sealed record PayStatusView(string Status, long BalanceCents, bool Paid, string? PaymentStatus, string? Message);
