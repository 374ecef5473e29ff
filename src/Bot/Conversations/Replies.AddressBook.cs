using System.Text;
using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Bot.Conversations;

public static partial class Replies
{
    /// <summary>Several saved customers start with the name typed: pick one by its number.</summary>
    public static Reply WhichCustomer(string typed, IReadOnlyList<SavedCustomer> options, Language lang)
    {
        var text = new StringBuilder(Pick(lang,
            $"Several saved customers match \"{typed}\". Which one?",
            $"Wateja kadhaa waliohifadhiwa wanalingana na \"{typed}\". Yupi?"));
        for (var i = 0; i < options.Count; i++)
            text.Append($"\n{i + 1}. {options[i].Name} {MobileNumber.ToLocal(options[i].Msisdn)}");
        text.Append(Pick(lang,
            $"\nReply with their number (1-{options.Count}).",
            $"\nJibu na namba yake (1-{options.Count})."));
        return new Reply(text.ToString());
    }

    /// <summary>In the guided flow: the name is ambiguous, so the step asks for more of it (or the phone).</summary>
    public static Reply SeveralCustomersMatch(string typed, IReadOnlyList<SavedCustomer> options, Language lang)
    {
        var names = string.Join(", ", options.Select(o => $"{o.Name} {MobileNumber.ToLocal(o.Msisdn)}"));
        return new Reply(Pick(lang,
            $"Several saved customers match \"{typed}\": {names}. Send more of the name, or the phone number.",
            $"Wateja kadhaa wanalingana na \"{typed}\": {names}. Tuma jina zaidi, au namba ya simu."));
    }

    public static Reply CustomerSaved(string name, string msisdn, Language lang) => new(Pick(lang,
        $"Saved: {name} {MobileNumber.ToLocal(msisdn)}. Invoice them with: invoice {FirstWord(name)} 1500 Website design",
        $"Imehifadhiwa: {name} {MobileNumber.ToLocal(msisdn)}. Mtumie ankara hivi: ankara {FirstWord(name)} 1500 Muundo wa tovuti"));

    public static Reply CustomerAlreadySaved(string name, string msisdn, Language lang) => new(Pick(lang,
        $"{name} {MobileNumber.ToLocal(msisdn)} is already saved.",
        $"{name} {MobileNumber.ToLocal(msisdn)} tayari amehifadhiwa."));

    public static Reply AskRename(string msisdn, string savedName, string newName, Language lang) => new(Pick(lang,
        $"{MobileNumber.ToLocal(msisdn)} is saved as {savedName}. Save it as {newName} instead? Yes / No",
        $"{MobileNumber.ToLocal(msisdn)} imehifadhiwa kama {savedName}. Ihifadhi kama {newName} badala yake? Ndio / Hapana"), YesNoButtons(lang));

    public static Reply CustomerRenamed(string msisdn, string name, Language lang) => new(Pick(lang,
        $"Done: {MobileNumber.ToLocal(msisdn)} is now saved as {name}.",
        $"Tayari: {MobileNumber.ToLocal(msisdn)} sasa imehifadhiwa kama {name}."));

    public static Reply CustomerNameKept(string msisdn, Language lang) => new(Pick(lang,
        $"OK, {MobileNumber.ToLocal(msisdn)} keeps its saved name.",
        $"Sawa, {MobileNumber.ToLocal(msisdn)} inabaki na jina lake."));

    public static Reply SaveCustomerUsage(SaveCustomerProblem problem, Language lang) => new(problem switch
    {
        SaveCustomerProblem.InvalidPhone => Pick(lang,
            "That phone number doesn't look like a Kenyan mobile number. Send: customer Jane Wanjiru 0712345678",
            "Namba hiyo haionekani kuwa ya simu ya Kenya. Tuma: mteja Jane Wanjiru 0712345678"),
        SaveCustomerProblem.InvalidName => Pick(lang,
            "A customer's name is 2-60 characters with at least one letter. Send: customer Jane Wanjiru 0712345678",
            "Jina la mteja ni herufi 2-60, angalau herufi moja. Tuma: mteja Jane Wanjiru 0712345678"),
        _ => Pick(lang,
            "To save a customer, send their name and phone: customer Jane Wanjiru 0712345678",
            "Kuhifadhi mteja, tuma jina lake na simu: mteja Jane Wanjiru 0712345678"),
    });

    /// <summary>One page of the address book, counted like the list of invoices.</summary>
    public static Reply CustomerPage(IReadOnlyList<SavedCustomerLine> page, Paging paging, Language lang)
    {
        if (paging.Total == 0)
            return new Reply(Pick(lang,
                "You have no saved customers yet. Save one with: customer Jane Wanjiru 0712345678",
                "Bado huna wateja waliohifadhiwa. Hifadhi mmoja hivi: mteja Jane Wanjiru 0712345678"));
        if (page.Count == 0)
            return NoSuchPage(paging, "customers", "wateja", lang);

        var text = new StringBuilder(Pick(lang,
            $"Your customers {paging.First}-{paging.Last(page.Count)} of {paging.Total}:",
            $"Wateja wako {paging.First}-{paging.Last(page.Count)} kati ya {paging.Total}:"));
        foreach (var customer in page)
            text.Append($"\n{customer.Name ?? Pick(lang, "(no name)", "(bila jina)")} {MobileNumber.ToLocal(customer.Msisdn)}");
        text.Append(MoreHint(paging, page.Count, "customers", "wateja", lang));
        return new Reply(text.ToString());
    }

    private static string FirstWord(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
}
