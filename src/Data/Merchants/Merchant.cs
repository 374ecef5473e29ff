namespace InvoiceFirst.Data.Merchants;

public sealed record Merchant
{
    public long Id { get; init; }
    public required string Phone { get; init; }
    public required string Name { get; init; }
    public string Language { get; init; } = "en";
    public bool RemindersEnabled { get; init; } = true;
}
