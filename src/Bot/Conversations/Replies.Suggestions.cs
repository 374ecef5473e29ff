using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Outbox;

namespace InvoiceFirst.Bot.Conversations;

// Replies that ask before acting (a misspelt keyword, a sentence, two phones) and refusals that show what to type.
public static partial class Replies
{
    private const int MaxButtonIdLength = 256;

    /// <summary>The summary of an invoice read from a sentence or a misspelt keyword; only Send sends it.</summary>
    public static Reply ProposeDraft(InvoiceDraft draft, ProposalReason reason, Language lang, VatMode vat = VatMode.None)
    {
        if (reason == ProposalReason.Items)
        {
            return ConfirmDraft(draft, lang, vat);
        }

        if (reason != ProposalReason.Typo)
        {
            var summary = ConfirmDraft(draft, lang, vat);
            var lead = Pick(lang, "Here is the invoice I read from your message.", "Hii ndiyo ankara niliyosoma kwenye ujumbe wako.");
            return summary with { Text = $"{lead}\n{summary.Text}" };
        }

        var customer = draft.CustomerName is null
            ? MobileNumber.ToLocal(draft.Msisdn ?? "")
            : $"{draft.CustomerName} {MobileNumber.ToLocal(draft.Msisdn ?? "")}";
        var amount = Money.FromShillings(draft.AmountShillings ?? 0).ToKes();
        return new Reply(Pick(lang,
            $"Did you mean: invoice {customer} {amount} '{draft.Description}'? Send / Cancel (or reply YES / CANCEL)",
            $"Ulimaanisha: ankara {customer} {amount} '{draft.Description}'? Tuma / Ghairi (au jibu NDIO / GHAIRI)"),
            [
                new(Keywords.SendButton, Pick(lang, "Send", "Tuma")),
                new(Keywords.CancelButton, Pick(lang, "Cancel", "Ghairi")),
            ]);
    }

    /// <summary>A misspelt keyword that is not a whole invoice: the corrected text, to send if it is right.</summary>
    public static Reply DidYouMean(string suggestion, Language lang) => new(Pick(lang,
        $"Did you mean: {suggestion}? Nothing was done. If that is right, send it like that.",
        $"Ulimaanisha: {suggestion}? Hakuna kilichofanyika. Kama ni sahihi, tuma hivyo."));

    /// <summary>Two phones before the amount: which is the customer, with one button per phone that opens its summary.</summary>
    public static Reply AskWhichPhone(AskWhichPhoneCommand which, Language lang)
    {
        var first = MobileNumber.ToLocal(which.First);
        var second = MobileNumber.ToLocal(which.Second);
        var keyword = Pick(lang, "invoice", "ankara");
        string Command(string phone) => $"{keyword} {phone} {which.AmountShillings} {which.Description}";
        var text = Pick(lang,
            $"I see two phone numbers, {first} and {second}. Which one is the customer? Tap it, or send the invoice again with one number, e.g. {Command(first)}",
            $"Naona namba mbili za simu, {first} na {second}. Mteja ni yupi? Bonyeza namba yake, au tuma ankara tena na namba moja, mfano {Command(first)}");
        var buttons = new[] { first, second }
            .Select(phone => new ReplyButton(Keywords.ProposeButtonPrefix + Command(phone), phone))
            .ToList();
        return new Reply(text, buttons.All(b => b.Id.Length <= MaxButtonIdLength) ? buttons : []);
    }

    public static Reply AskWhatToEdit(Language lang) => new(Pick(lang,
        "What do you want to change? Reply customer, amount or description (or back to see the invoice again).",
        "Unataka kubadilisha nini? Jibu mteja, kiasi au maelezo (au rudi kuona ankara tena)."),
        [
            new(Keywords.EditCustomerButton, Pick(lang, "Customer", "Mteja")),
            new(Keywords.EditAmountButton, Pick(lang, "Amount", "Kiasi")),
            new(Keywords.EditDescriptionButton, Pick(lang, "Description", "Maelezo")),
        ]);

    /// <summary>A command that needs an invoice number, shown as that command ("status INV-0042", not "remind INV-0042").</summary>
    public static Reply MissingInvoiceNumber(CommandWord? word, Language lang)
    {
        var (english, swahili) = word switch
        {
            CommandWord.Status => ("status", "hali"),
            CommandWord.Cancel => ("cancel", "ghairi"),
            CommandWord.StopReminders => ("stop", "acha"),
            _ => ("remind", "kumbusha"),
        };
        return new(Pick(lang,
            $"Which invoice? Add its number, e.g. {english} INV-0042. Send list to see your unpaid invoices.",
            $"Ankara ipi? Ongeza namba yake, mfano {swahili} INV-0042. Tuma orodha kuona ankara ambazo hazijalipwa."));
    }
}
