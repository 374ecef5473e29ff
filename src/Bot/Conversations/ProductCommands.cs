using System.Data.Common;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Products;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>The product list from chat (<c>items</c>, <c>item add</c>, <c>item remove</c>) and the VAT setting (<c>vat …</c>).</summary>
public sealed class ProductCommands(TimeProvider clock)
{
    public async Task<Reply> RunAsync(DbConnection c, DbTransaction t, Merchant merchant, ParsedCommand command, Language lang,
        CancellationToken ct)
    {
        switch (command)
        {
            case ProductAddCommand add:
                var saved = await ProductRepository.UpsertAsync(c, t, merchant.Id, add.Name, Money.FromShillings(add.UnitShillings).Cents,
                    clock.GetUtcNow(), ct);
                return Replies.ProductSaved(saved.Name, saved.UnitAmount, lang);
            case ProductRemoveCommand remove:
                var removed = await ProductRepository.RemoveAsync(c, t, merchant.Id, remove.Name, ct);
                return removed is null ? Replies.ProductNotFound(remove.Name, lang) : Replies.ProductRemoved(removed.Name, lang);
            case VatCommand vat:
                await MerchantRepository.SetVatAsync(c, t, merchant.Id, vat.Mode, clock.GetUtcNow(), ct);
                return Replies.VatSwitched(vat.Mode, lang);
            case ProductRefused refused:
                return refused.AmountError is { } error ? Replies.ForAmountError(error, AmountParser.DefaultMaxShillings, lang) : Replies.ProductUsage(lang);
            default:
                return Replies.ProductList(await ProductRepository.ListAsync(c, t, merchant.Id, ct), lang);
        }
    }
}
