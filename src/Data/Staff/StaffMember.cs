namespace InvoiceFirst.Data.Staff;

/// <summary>Someone the owner lets invoice for the business from their own phone.</summary>
public sealed record StaffMember
{
    public long MerchantId { get; init; }

    /// <summary>12 digits, like <c>merchants.phone</c>: <c>254712345678</c>.</summary>
    public required string Phone { get; init; }
    public required string Name { get; init; }

    /// <summary>Their own reply language; null until they choose one or write in one.</summary>
    public string? Language { get; init; }
    public DateTimeOffset AddedAt { get; init; }
}
