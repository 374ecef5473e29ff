namespace InvoiceFirst.Bot.Limits;

/// <summary>The rate-limit keys of the <c>Api</c> section: requests per API key per window.</summary>
public sealed class ApiRateLimitOptions
{
    public int PermitLimit { get; set; } = 120;

    public int WindowSeconds { get; set; } = 60;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}
