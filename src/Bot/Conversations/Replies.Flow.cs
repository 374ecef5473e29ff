using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Outbox;

namespace InvoiceFirst.Bot.Conversations;

public static partial class Replies
{
    public static Reply AskPhone(Language lang) => new(Pick(lang,
        "New invoice. Who is it for? Send the customer's phone number (e.g. 0712345678) or a saved customer's name. Send cancel to stop.",
        "Ankara mpya. Ni ya nani? Tuma namba ya simu ya mteja (mfano 0712345678) au jina la mteja aliyehifadhiwa. Tuma ghairi kusimamisha."));

    public static Reply AskName(Language lang) => new(Pick(lang,
        "What is the customer's name? Send skip to leave it out, or back to change the phone.",
        "Jina la mteja ni nani? Tuma ruka kuliacha, au rudi kubadilisha simu."));

    public static Reply AskAmount(Language lang) => new(Pick(lang,
        "How much? Whole shillings, e.g. 1500 or 1.5k.",
        "Kiasi gani? Shilingi kamili, mfano 1500 au 1.5k."));

    public static Reply AskDescription(Language lang) => new(Pick(lang,
        "What is it for? A short description, e.g. Website design.",
        "Ni ya nini? Maelezo mafupi, mfano Muundo wa tovuti."));

    /// <param name="vat">The merchant's VAT mode: with VAT, the summary shows net, VAT and the total the customer pays.</param>
    public static Reply ConfirmDraft(InvoiceDraft draft, Language lang, VatMode vat = VatMode.None)
    {
        if (draft.HasItems) return ConfirmItems(draft, vat, lang);
        var phone = MobileNumber.ToLocal(draft.Msisdn ?? "");
        var to = draft.CustomerName is null ? phone : $"{draft.CustomerName} ({phone})";
        var totals = VatBreakdown.For(vat, Money.FromShillings(draft.AmountShillings ?? 0));
        var amount = totals.Gross.ToKes();
        var text = Pick(lang,
            $"Send this invoice?\nTo: {to}\n{InvoiceTexts.VatLines(totals, lang)}Amount: {amount}\nFor: {draft.Description}\nSend another item to add it (e.g. delivery 300).",
            $"Tuma ankara hii?\nKwa: {to}\n{InvoiceTexts.VatLines(totals, lang)}Kiasi: {amount}\nYa: {draft.Description}\nTuma bidhaa nyingine kuiongeza (mfano usafiri 300).");
        return new Reply(text, ConfirmButtons(lang));
    }

    public static Reply ConfirmChoice(Language lang) => new(Pick(lang,
        "Reply YES to send, EDIT to change the customer, amount or description, or CANCEL to drop it.",
        "Jibu NDIO kutuma, BADILI kubadilisha mteja, kiasi au maelezo, au GHAIRI kuiacha."), ConfirmButtons(lang));

    public static Reply DraftExpired(Language lang) => new(Pick(lang,
        "Your unfinished invoice was dropped after 30 minutes without a reply. Nothing was sent.",
        "Ankara yako ambayo haikukamilika imefutwa baada ya dakika 30 bila jibu. Hakuna kilichotumwa."));

    public static Reply DraftCancelled(Language lang) => new(Pick(lang,
        "Draft cancelled. Nothing was sent. Send new to start again.",
        "Rasimu imeghairiwa. Hakuna kilichotumwa. Tuma mpya kuanza upya."));

    public static Reply CannotSkip(Language lang) => new(Pick(lang,
        "This step can't be skipped.",
        "Hatua hii haiwezi kurukwa."));

    public static Reply NotExpectedHere(Language lang) => new(Pick(lang,
        "That doesn't fit this step (an old button?).",
        "Hilo halifai hatua hii (kitufe cha zamani?)."));

    // A refusal and the question again in one message, so the merchant sees why and what next together.
    internal static Reply ReAsk(Reply reason, Reply prompt) => new($"{reason.Text}\n{prompt.Text}", prompt.Buttons);

    private static IReadOnlyList<ReplyButton> ConfirmButtons(Language lang) =>
    [
        new(Keywords.SendButton, Pick(lang, "Send", "Tuma")),
        new(Keywords.EditButton, Pick(lang, "Edit", "Badili")),
        new(Keywords.CancelButton, Pick(lang, "Cancel", "Ghairi")),
    ];
}
