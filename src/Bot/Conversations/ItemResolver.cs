using InvoiceFirst.Data.Products;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>What the items of a message come to once saved items are looked up.</summary>
public abstract record ItemResolution
{
    private ItemResolution()
    {
    }

    public sealed record Resolved(IReadOnlyList<DraftItem> Items) : ItemResolution;

    /// <summary>An item with no price that is not on the product list.</summary>
    public sealed record NoPrice(string Name) : ItemResolution;

    /// <summary>A name that begins several saved items: which one is asked.</summary>
    public sealed record Ambiguous(string Name, IReadOnlyList<Product> Matches) : ItemResolution;

    /// <summary>A line (quantity × price) or the total is above the most one invoice may be.</summary>
    public sealed record TooLarge : ItemResolution;
}

/// <summary>
/// Prices the items of a message: a written price is used as written; a name alone is the saved item it names, matched
/// ignoring case, exactly or by a prefix only one item has. "2 cement" is two of the saved item, else a line of KES 2.
/// </summary>
public static class ItemResolver
{
    public static ItemResolution Resolve(IReadOnlyList<ItemSpec> specs, IReadOnlyList<Product> products, long maxShillings)
    {
        var items = new List<DraftItem>();
        foreach (var spec in specs)
        {
            DraftItem item;
            switch (spec)
            {
                case PricedItem priced:
                    item = new DraftItem(priced.Description, priced.Quantity, priced.UnitShillings);
                    break;
                case CountedItem counted:
                    var match = Find(products, counted.Name);
                    if (match.Count > 1) return new ItemResolution.Ambiguous(counted.Name, match);
                    if (match.Count == 0) return new ItemResolution.NoPrice(counted.Name);
                    item = new DraftItem(match[0].Name, counted.Quantity, match[0].UnitAmount.Shillings);
                    break;
                case CountOrPriceItem either:
                    var named = Find(products, either.Description);
                    if (named.Count > 1) return new ItemResolution.Ambiguous(either.Description, named);
                    item = named.Count == 1 && either.Number <= DraftItem.MaxQuantity
                        ? new DraftItem(named[0].Name, (int)either.Number, named[0].UnitAmount.Shillings)
                        : new DraftItem(either.Description, 1, either.Number);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(specs), spec.GetType().Name, "Unknown item");
            }

            if (item.TotalShillings > maxShillings) return new ItemResolution.TooLarge();
            items.Add(item);
        }

        return DraftItem.Sum(items) > maxShillings ? new ItemResolution.TooLarge() : new ItemResolution.Resolved(items);
    }

    /// <summary>The saved item named exactly (ignoring case), else every one the name begins.</summary>
    public static IReadOnlyList<Product> Find(IReadOnlyList<Product> products, string name)
    {
        var wanted = name.Trim();
        var exact = products.Where(p => string.Equals(p.Name, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        return exact.Count > 0 ? exact : products.Where(p => p.Name.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)).ToList();
    }
}
