namespace InvoiceFirst.Payments.Mpesa;

/// <summary>A Daraja OAuth access token and the instant it stops being valid.</summary>
public sealed record CachedToken(string AccessToken, DateTimeOffset ExpiresAt);
