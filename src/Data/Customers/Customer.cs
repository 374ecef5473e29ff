namespace InvoiceFirst.Data.Customers;

public sealed record Customer
{
    public long Id { get; init; }
    public long MerchantId { get; init; }
    public required string Msisdn { get; init; }
    public string? Name { get; init; }
}
