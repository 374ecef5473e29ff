using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Data.Invoices;

/// <summary>One line of an invoice: <see cref="Quantity"/> × <see cref="UnitAmountCents"/>, in the order the merchant wrote them.</summary>
public sealed record InvoiceItem
{
    // Properties rather than a positional constructor: SQLite returns every integer as a long, which Dapper sets on an int
    // property but will not pass to an int constructor parameter.
    public int Position { get; init; }
    public string Description { get; init; } = "";
    public int Quantity { get; init; }
    public long UnitAmountCents { get; init; }

    public long AmountCents => checked(Quantity * UnitAmountCents);

    public Money UnitAmount => Money.FromCents(UnitAmountCents);

    public Money Amount => Money.FromCents(AmountCents);

    public static InvoiceItem Of(int position, string description, int quantity, Money unitAmount) =>
        new() { Position = position, Description = description, Quantity = quantity, UnitAmountCents = unitAmount.Cents };
}
