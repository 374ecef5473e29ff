using System.Globalization;

namespace InvoiceFirst.Data.Domain;

/// <summary>
/// An amount of Kenyan shillings in whole minor units (cents). The one place that knows there are
/// 100 cents to a shilling, that M-PESA moves whole shillings, and how an amount is written.
/// Storage keeps the minor units as <c>bigint</c> (<see cref="Cents"/>).
/// </summary>
public readonly record struct Money(long Cents) : IComparable<Money>
{
    private const long CentsPerShilling = 100;

    public static Money Zero => default;

    public static Money FromCents(long cents) => new(cents);

    public static Money FromShillings(long shillings) => new(checked(shillings * CentsPerShilling));

    /// <summary>Whole shillings, the fraction dropped (what M-PESA can move).</summary>
    public long Shillings => Cents / CentsPerShilling;

    public bool IsWholeShillings => Cents % CentsPerShilling == 0;

    public bool IsPositive => Cents > 0;

    /// <summary>This amount, or zero when it is negative (a balance after an overpayment).</summary>
    public Money AtLeastZero => Cents < 0 ? Zero : this;

    public static Money Min(Money a, Money b) => a.Cents <= b.Cents ? a : b;

    public static Money operator +(Money a, Money b) => new(checked(a.Cents + b.Cents));

    public static Money operator -(Money a, Money b) => new(checked(a.Cents - b.Cents));

    public static Money operator -(Money a) => new(checked(-a.Cents));

    public static bool operator <(Money a, Money b) => a.Cents < b.Cents;

    public static bool operator >(Money a, Money b) => a.Cents > b.Cents;

    public static bool operator <=(Money a, Money b) => a.Cents <= b.Cents;

    public static bool operator >=(Money a, Money b) => a.Cents >= b.Cents;

    public int CompareTo(Money other) => Cents.CompareTo(other.Cents);

    /// <summary><c>KES 1,500</c>: whole shillings with thousands separators, as people read them in chat and SMS.</summary>
    public string ToKes() => "KES " + Shillings.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary><c>KES 1,500</c>, or <c>KES 1,484.25</c> when there are cents (a balance after the operator's fees).</summary>
    public string ToKesWithCents() => IsWholeShillings
        ? ToKes()
        : "KES " + (Cents / (decimal)CentsPerShilling).ToString("N2", CultureInfo.InvariantCulture);

    /// <summary><c>1500.00</c>: shillings with two decimals and no separators, for machines (CSV, spreadsheets).</summary>
    public string ToDecimalShillings() => (Cents / (decimal)CentsPerShilling).ToString("0.00", CultureInfo.InvariantCulture);

    public override string ToString() => ToKes();
}
