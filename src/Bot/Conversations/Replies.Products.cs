using System.Text;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Products;

namespace InvoiceFirst.Bot.Conversations;

public static partial class Replies
{
    /// <summary>Items listed in chat at once; the rest are counted (a product list is for typing names, not browsing).</summary>
    public const int MaxProductsListed = 30;

    public static Reply ProductSaved(string name, Money price, Language lang) => new(Pick(lang,
        $"Saved: {name} {price.ToKes()}. Use it by name: invoice 0712345678 2 {name}, delivery 300",
        $"Imehifadhiwa: {name} {price.ToKes()}. Itumie kwa jina: ankara 0712345678 2 {name}, usafiri 300"));

    public static Reply ProductRemoved(string name, Language lang) => new(Pick(lang,
        $"Removed {name} from your items.",
        $"{name} imeondolewa kwenye bidhaa zako."));

    public static Reply ProductNotFound(string name, Language lang) => new(Pick(lang,
        $"You have no saved item called \"{name}\". Send items to see them.",
        $"Huna bidhaa iliyohifadhiwa inayoitwa \"{name}\". Tuma bidhaa kuziona."));

    public static Reply ProductUsage(Language lang) => new(Pick(lang,
        "To save an item: item add Cement 750. To remove one: item remove cement. To see them: items",
        "Kuhifadhi bidhaa: bidhaa ongeza Saruji 750. Kuiondoa: bidhaa ondoa saruji. Kuziona: bidhaa"));

    public static Reply ProductList(IReadOnlyList<Product> products, Language lang)
    {
        if (products.Count == 0)
            return new Reply(Pick(lang,
                "You have no saved items yet. Save one with: item add Cement 750",
                "Bado huna bidhaa zilizohifadhiwa. Hifadhi moja hivi: bidhaa ongeza Saruji 750"));
        var text = new StringBuilder(Pick(lang, "Your items:", "Bidhaa zako:"));
        foreach (var product in products.Take(MaxProductsListed))
            text.Append($"\n{product.Name} {product.UnitAmount.ToKes()}");
        if (products.Count > MaxProductsListed)
            text.Append(Pick(lang, $"\n... and {products.Count - MaxProductsListed} more", $"\n... na {products.Count - MaxProductsListed} zaidi"));
        return new Reply(text.ToString());
    }

    public static Reply VatSwitched(VatMode mode, Language lang) => new(mode switch
    {
        VatMode.Inclusive => Pick(lang,
            $"VAT: your prices include {VatBreakdown.RatePercent}% VAT. New invoices show the net amount and the VAT in the total.",
            $"VAT: bei zako zinajumuisha VAT ya {VatBreakdown.RatePercent}%. Ankara mpya zitaonyesha kiasi bila VAT na VAT iliyomo."),
        VatMode.Exclusive => Pick(lang,
            $"VAT: {VatBreakdown.RatePercent}% VAT is added to your prices. New invoices show net, VAT and the total the customer pays.",
            $"VAT: VAT ya {VatBreakdown.RatePercent}% inaongezwa juu ya bei zako. Ankara mpya zitaonyesha bila VAT, VAT na jumla ya kulipa."),
        _ => Pick(lang,
            "VAT: none. New invoices show no VAT.",
            "VAT: hakuna. Ankara mpya hazitaonyesha VAT."),
    });

    public static Reply VatUsage(Language lang) => new(Pick(lang,
        "Send vat none, vat inclusive (your prices include 16% VAT) or vat exclusive (16% is added on top).",
        "Tuma kodi hakuna, kodi ndani (bei zako zinajumuisha VAT ya 16%) au kodi nje (16% inaongezwa juu)."));
}
