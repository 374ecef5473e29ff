namespace InvoiceFirst.Bot.PayPage;

/// <summary>Settings of section <c>PayPage</c>: how often the pay button may be pressed.</summary>
public sealed class PayPageOptions
{
    public const string Section = "PayPage";

    /// <summary>Pay presses one client IP may make per window, across all invoices.</summary>
    public int PerIpPermitLimit { get; set; } = 5;

    /// <summary>Pay presses one invoice may receive per window, from anyone.</summary>
    public int PerInvoicePermitLimit { get; set; } = 3;

    public int WindowSeconds { get; set; } = 60;

    /// <summary>How often the page asks whether the payment went through.</summary>
    public int PollMilliseconds { get; set; } = 3000;

    public TimeSpan Window => TimeSpan.FromSeconds(WindowSeconds);
}
