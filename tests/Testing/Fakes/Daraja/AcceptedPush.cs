namespace InvoiceFirst.Testing.Fakes;

/// <summary>An STK push the fake accepted: where the bot wants the callback and the CheckoutRequestID it was given.</summary>
public sealed record AcceptedPush(string CallbackUrl, string CheckoutRequestId, decimal Amount, long PhoneNumber);
