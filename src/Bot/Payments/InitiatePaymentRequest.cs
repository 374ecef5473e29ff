namespace InvoiceFirst.Bot.Payments;

/// <summary>Body of POST /payments/stk/initiate; msisdn defaults to the invoice's customer.</summary>
public sealed record InitiatePaymentRequest(string? InvoiceId, string? Msisdn);
