namespace InvoiceFirst.Data.Domain;

/// <summary>How a merchant charges VAT; stored as <c>NONE</c>, <c>INCLUSIVE</c> or <c>EXCLUSIVE</c>.</summary>
public enum VatMode
{
    /// <summary>No VAT shown (the default): the amounts are what the customer pays.</summary>
    None,

    /// <summary>The amounts already include 16% VAT: the total stays, and the VAT in it is shown.</summary>
    Inclusive,

    /// <summary>The amounts are before VAT: 16% is added on top, and the customer pays net plus VAT.</summary>
    Exclusive,
}

public static class VatModes
{
    /// <summary>The text the database stores (Dapper reads it back into the enum by name).</summary>
    public static string ToDb(this VatMode mode) => mode.ToString().ToUpperInvariant();
}
