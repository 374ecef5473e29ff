using System.Text;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Invoices;

namespace InvoiceFirst.Bot.Conversations;

public static partial class Replies
{
    /// <summary>The summary of a multi-item draft, with Send / Edit / Cancel.</summary>
    public static Reply ConfirmItems(InvoiceDraft draft, VatMode vatMode, Language lang)
    {
        var phone = MobileNumber.ToLocal(draft.Msisdn ?? "");
        var to = draft.CustomerName is null ? phone : $"{draft.CustomerName} ({phone})";
        var items = DraftItem.ToInvoiceItems(draft.Items ?? []);
        var vat = VatBreakdown.For(vatMode, Money.FromShillings(draft.AmountShillings ?? 0));
        var text = Pick(lang,
            $"Send this invoice?\nTo: {to}\n{InvoiceTexts.ItemLines(items, lang)}{InvoiceTexts.VatLines(vat, lang)}Total: {vat.Gross.ToKes()}\nSend another item to add it (e.g. delivery 300); back removes the last one.",
            $"Tuma ankara hii?\nKwa: {to}\n{InvoiceTexts.ItemLines(items, lang)}{InvoiceTexts.VatLines(vat, lang)}Jumla: {vat.Gross.ToKes()}\nTuma bidhaa nyingine kuiongeza (mfano usafiri 300); rudi inaondoa ya mwisho.");
        return new Reply(text, ConfirmButtons(lang));
    }

    public static Reply ItemNoPrice(string name, Language lang) => new(Pick(lang,
        $"I don't know the price of \"{name}\". Write it with its price, e.g. 2 {name} @750, or save it first: item add {name} 750",
        $"Sijui bei ya \"{name}\". Iandike na bei yake, mfano 2 {name} @750, au ihifadhi kwanza: bidhaa ongeza {name} 750"));

    public static Reply ItemAmbiguous(string name, IEnumerable<string> matches, Language lang) => new(Pick(lang,
        $"Several saved items match \"{name}\": {string.Join(", ", matches)}. Which one? Send the invoice again with more of the name.",
        $"Bidhaa kadhaa zinalingana na \"{name}\": {string.Join(", ", matches)}. Ipi? Tuma ankara tena na jina zaidi."));

    public static Reply InvalidItem(CommandError error, long maxShillings, Language lang)
    {
        var why = error.ItemProblem switch
        {
            ItemProblem.Amount => ForAmountError(error.AmountError ?? AmountError.NotANumber, maxShillings, lang).Text,
            ItemProblem.Quantity => Pick(lang, $"The quantity must be 1 to {DraftItem.MaxQuantity}.", $"Idadi lazima iwe 1 hadi {DraftItem.MaxQuantity}."),
            ItemProblem.Name => Pick(lang, $"An item's name is {FieldRules.NameMin} to {FieldRules.NameMax} characters.",
                $"Jina la bidhaa ni herufi {FieldRules.NameMin} hadi {FieldRules.NameMax}."),
            _ => Pick(lang, "An item is missing.", "Bidhaa moja haipo."),
        };
        return new Reply(Pick(lang,
            $"I couldn't read the item \"{error.Item}\". {why}\nWrite items like: invoice 0712345678 2 cement @750, delivery 300",
            $"Sikuweza kusoma bidhaa \"{error.Item}\". {why}\nAndika bidhaa hivi: ankara 0712345678 saruji 2 @750, usafiri 300"));
    }
}
