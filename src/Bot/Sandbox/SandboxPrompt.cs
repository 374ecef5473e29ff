namespace InvoiceFirst.Bot.Sandbox;

/// <summary>An M-PESA prompt shown on a sandbox phone, waiting for the person to act.</summary>
public sealed record SandboxPrompt(
    string CheckoutRequestId,
    string MerchantRequestId,
    string Phone,
    long AmountShillings,
    string AccountReference,
    string PayTo,
    string CallbackUrl,
    DateTimeOffset CreatedAt)
{
    /// <summary><c>pending</c>, <c>approved</c>, <c>cancelled</c> or <c>timeout</c>.</summary>
    public string Status { get; init; } = "pending";

    public string? Receipt { get; init; }

    /// <summary>The Daraja ResultCode this outcome produces (0, 1032, 1037).</summary>
    public string ResultCode => Status switch
    {
        "approved" => "0",
        "cancelled" => "1032",
        "timeout" => "1037",
        _ => "4999",
    };
}
