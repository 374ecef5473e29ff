using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Invoices;

namespace InvoiceFirst.Bot.Kernel;

/// <summary>An invoice line in a draft (persisted with the conversation), priced in whole shillings.</summary>
public sealed record DraftItem(string Description, int Quantity, long UnitShillings)
{
    public const int MaxQuantity = 999;

    public long TotalShillings => checked(Quantity * UnitShillings);

    public static long Sum(IEnumerable<DraftItem> items) => items.Sum(i => i.TotalShillings);

    /// <summary>What the invoice row's description says for a multi-item invoice: the items' names, cut to the description's limit.</summary>
    public static string Describe(IReadOnlyList<DraftItem> items)
    {
        var joined = string.Join(", ", items.Select(i => i.Quantity == 1 ? i.Description : $"{i.Description} x{i.Quantity}"));
        return joined.Length <= FieldRules.DescriptionMax ? joined : joined[..(FieldRules.DescriptionMax - 3)].TrimEnd(' ', ',') + "...";
    }

    public static IReadOnlyList<InvoiceItem> ToInvoiceItems(IReadOnlyList<DraftItem> items) =>
        items.Select((i, at) => InvoiceItem.Of(at + 1, i.Description, i.Quantity, Money.FromShillings(i.UnitShillings))).ToList();
}
