namespace InvoiceFirst.Data.Merchants;

public sealed record Merchant
{
    public long Id { get; init; }
    public required string Phone { get; init; }
    public required string Name { get; init; }
    public string Language { get; init; } = "en";
    public bool RemindersEnabled { get; init; } = true;

    /// <summary>Short and unique across the deployment (<see cref="MerchantCodes"/>); null only before it is assigned.</summary>
    public string? Code { get; init; }

    /// <summary><see cref="MerchantStatus"/>.</summary>
    public string Status { get; init; } = MerchantStatus.Active;

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The operator's override of <c>Merchants:DailyInvoiceLimit</c>; null: the deployment's default.</summary>
    public int? DailyInvoiceLimit { get; init; }

    /// <summary>The operator's override of <c>Sms:DailyCapPerMerchant</c> (0: no SMS at all); null: the deployment's default.</summary>
    public int? DailySmsCap { get; init; }
}

/// <summary>Where a merchant stands with the operator.</summary>
public static class MerchantStatus
{
    /// <summary>Registered, waiting for the operator's approval.</summary>
    public const string Pending = "PENDING";
    public const string Active = "ACTIVE";
    public const string Declined = "DECLINED";

    /// <summary>Paused by the operator: their customers can still pay, nothing else runs.</summary>
    public const string Suspended = "SUSPENDED";

    public static readonly IReadOnlyList<string> All = [Pending, Active, Declined, Suspended];
}
