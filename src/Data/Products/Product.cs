using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Data.Products;

/// <summary>A saved item of one merchant ("Cement", KES 750), used by name in an invoice.</summary>
public sealed record Product
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public long UnitAmountCents { get; init; }

    public Money UnitAmount => Money.FromCents(UnitAmountCents);
}
