namespace InvoiceFirst.Bot.Conversations;

// A closed hierarchy that only exists together, so it shares one file.

/// <summary>One item of a multi-item invoice as written, before saved items are looked up (<see cref="ItemResolver"/>).</summary>
public abstract record ItemSpec
{
    private protected ItemSpec()
    {
    }
}

/// <summary>An item with its price written: "2 cement @750", "cement 2 x 750", "wheelbarrow 4500" (a line total: 1 × 4500).</summary>
public sealed record PricedItem(string Description, int Quantity, long UnitShillings) : ItemSpec;

/// <summary>No price written: a saved item, "cement" or "2x cement".</summary>
public sealed record CountedItem(string Name, int Quantity) : ItemSpec;

/// <summary>"2 cement": two of the saved item cement, or else a line of KES 2 (like <c>invoice 0712… 1500 Website design</c>).</summary>
public sealed record CountOrPriceItem(string Description, long Number) : ItemSpec;
