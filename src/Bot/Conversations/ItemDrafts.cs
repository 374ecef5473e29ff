using System.Data.Common;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Products;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>
/// Turns <c>invoice &lt;customer&gt; &lt;items&gt;</c> into a draft for the summary: the customer looked up as for one amount, saved
/// items priced from the product list, and the same limits as one amount (each line, and the total the customer pays).
/// </summary>
public static class ItemDrafts
{
    /// <summary>The draft, or the reply that says why there is none.</summary>
    public static async Task<(InvoiceDraft? Draft, Reply? Refusal)> ReadAsync(DbConnection c, DbTransaction t, Merchant merchant,
        ItemsInvoiceCommand command, long maxShillings, Language lang, CancellationToken ct)
    {
        var lookup = command.Msisdn is null ? await AddressBook.FindAsync(c, t, merchant.Id, command.CustomerName ?? "", ct) : CustomerLookup.None;
        if (lookup.IsAmbiguous) return (null, Replies.SeveralCustomersMatch(command.CustomerName ?? "", lookup.Several, lang));
        if (command.Msisdn is null && lookup.Found is null) return (null, Replies.CustomerNotFound(command.CustomerName ?? "", lang));

        var needsProducts = command.Items.Any(i => i is not PricedItem);
        var products = needsProducts ? await ProductRepository.ListAsync(c, t, merchant.Id, ct) : [];
        var items = Resolve(command.Items, products, maxShillings, merchant.Vat, lang, out var refusal);
        if (items is null) return (null, refusal);

        var draft = new InvoiceDraft
        {
            Msisdn = command.Msisdn ?? lookup.Found!.Msisdn, CustomerName = lookup.Found?.Name ?? command.CustomerName,
            IsSavedCustomer = lookup.Found is not null,
        };
        return (draft.WithItems(items), null);
    }

    /// <summary>
    /// The command to run: <paramref name="parsed"/>; its one-amount reading when it only might be items and an item without a
    /// price is not on the product list; or items when one amount's description is exactly a saved item's name.
    /// </summary>
    public static async Task<ParsedCommand> ChooseReadingAsync(DbConnection c, DbTransaction t, long merchantId, ParsedCommand parsed,
        CancellationToken ct)
    {
        // "invoice Jane 2 cement" where Cement is a saved item: two of it, shown as a summary, not KES 2 sent at once.
        if (parsed is CreateInvoiceCommand { AmountShillings: <= DraftItem.MaxQuantity } single
            && (await ProductRepository.ListAsync(c, t, merchantId, ct)).Any(p => string.Equals(p.Name, single.Description, StringComparison.OrdinalIgnoreCase)))
            return new ItemsInvoiceCommand(single.Msisdn, single.CustomerName, [new CountOrPriceItem(single.Description, single.AmountShillings)])
            {
                DetectedLanguage = parsed.DetectedLanguage,
            };
        if (parsed is not ItemsInvoiceCommand { OneAmount: { } one } items) return parsed;
        var products = await ProductRepository.ListAsync(c, t, merchantId, ct);
        var allSaved = items.Items.OfType<CountedItem>().All(i => ItemResolver.Find(products, i.Name).Count == 1);
        return allSaved ? parsed : one with { DetectedLanguage = parsed.DetectedLanguage };
    }

    /// <summary>The items priced, or null and the reply that says why (no price, several saved items, too much).</summary>
    public static IReadOnlyList<DraftItem>? Resolve(IReadOnlyList<ItemSpec> specs, IReadOnlyList<Product> products, long maxShillings,
        VatMode vat, Language lang, out Reply? refusal, IReadOnlyList<DraftItem>? before = null)
    {
        refusal = null;
        switch (ItemResolver.Resolve(specs, products, maxShillings))
        {
            case ItemResolution.Resolved resolved:
                var all = (before ?? []).Concat(resolved.Items).ToList();
                if (VatBreakdown.For(vat, Money.FromShillings(DraftItem.Sum(all))).Gross.Shillings <= maxShillings) return all;
                refusal = Replies.ForAmountError(AmountError.TooLarge, maxShillings, lang);
                return null;
            case ItemResolution.NoPrice none:
                refusal = Replies.ItemNoPrice(none.Name, lang);
                return null;
            case ItemResolution.Ambiguous several:
                refusal = Replies.ItemAmbiguous(several.Name, several.Matches.Select(m => m.Name), lang);
                return null;
            default:
                refusal = Replies.ForAmountError(AmountError.TooLarge, maxShillings, lang);
                return null;
        }
    }
}
