namespace InvoiceFirst.Bot.PayPage;

/// <summary>One payment that counted, as the paid page lists it; the receipt is null until M-PESA's arrives.</summary>
public sealed record PaidReceipt(string? Number, DateTimeOffset At, long AmountCents);
