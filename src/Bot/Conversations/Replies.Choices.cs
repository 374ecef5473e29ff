using System.Text;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Outbox;

namespace InvoiceFirst.Bot.Conversations;

public static partial class Replies
{
    public static Reply DuplicateInvoice(string number, TimeSpan ago, Language lang) => new(Pick(lang,
        $"You sent {number} {Ago(ago, lang)}. Send another? Yes / No",
        $"Ulituma {number} {Ago(ago, lang)}. Tuma nyingine? Ndio / Hapana"), YesNoButtons(lang));

    public static Reply DuplicateNotSent(string number, Language lang) => new(Pick(lang,
        $"OK, I did not send it again. {number} stands as sent.",
        $"Sawa, sijaituma tena. {number} inabaki kama ilivyotumwa."));

    /// <summary>A question's answer was not one of the offered ones; the question stays open.</summary>
    public static Reply PickFromList(int count, Language lang) => new(Pick(lang,
        $"Please reply with a number from 1 to {count}.",
        $"Tafadhali jibu na namba kati ya 1 na {count}."));

    public static Reply YesOrNo(Language lang) => new(Pick(lang,
        "Please reply Yes or No.",
        "Tafadhali jibu Ndio au Hapana."), YesNoButtons(lang));

    /// <summary>A customer with several unpaid invoices said PAY.</summary>
    public static Reply WhichInvoiceToPay(IReadOnlyList<PayableSummary> invoices, Language lang)
    {
        var text = new StringBuilder(Pick(lang,
            $"You have {invoices.Count} unpaid invoices. Which one do you want to pay?",
            $"Una ankara {invoices.Count} ambazo hazijalipwa. Unataka kulipa ipi?"));
        for (var i = 0; i < invoices.Count; i++)
        {
            var invoice = invoices[i];
            text.Append($"\n{i + 1}. {invoice.Number} {invoice.MerchantName} {invoice.Balance.ToKes()} ({invoice.Description})");
        }

        text.Append(Pick(lang,
            $"\nReply with its number (1-{invoices.Count}) or the invoice number.",
            $"\nJibu na namba yake (1-{invoices.Count}) au namba ya ankara."));
        return new Reply(text.ToString());
    }

    /// <summary>The prompt is for less than what is owed: M-PESA takes at most a limit per payment.</summary>
    public static Reply CheckYourPhoneForPart(string number, Money now, Money owed, Language lang) => new(Pick(lang,
        $"Check your phone: an M-PESA prompt for invoice {number} is on its way. {now.ToKes()} now of {owed.ToKes()} (M-PESA's per-payment limit); tap Pay again after this one for the next part. Enter your PIN to pay.",
        $"Angalia simu yako: ombi la M-PESA la ankara {number} linakuja. {now.ToKes()} sasa kati ya {owed.ToKes()} (kikomo cha M-PESA kwa malipo moja); bonyeza Lipa tena baada ya haya kwa sehemu inayofuata. Weka PIN yako kulipa."));

    /// <summary>One page of unpaid invoices, counted: "1-10 of 30", and how to see the next page.</summary>
    public static Reply UnpaidPage(IReadOnlyList<InvoiceSummary> page, Paging paging, Language lang)
    {
        if (paging.Total == 0)
            return new Reply(Pick(lang, "You have no unpaid invoices.", "Huna ankara ambazo hazijalipwa."));
        if (page.Count == 0)
            return NoSuchPage(paging, "list", "orodha", lang);

        var text = new StringBuilder(Pick(lang,
            $"Unpaid invoices {paging.First}-{paging.Last(page.Count)} of {paging.Total}:",
            $"Ankara ambazo hazijalipwa {paging.First}-{paging.Last(page.Count)} kati ya {paging.Total}:"));
        foreach (var invoice in page)
            text.Append($"\n{invoice.Number} {invoice.Customer} {invoice.Balance.ToKes()}")
                .Append(invoice.By is { } by ? Pick(lang, $" (by {by})", $" (na {by})") : "");
        text.Append(MoreHint(paging, page.Count, "list", "orodha", lang));
        return new Reply(text.ToString());
    }

    public static Reply NothingToPageOn(Language lang) => new(Pick(lang,
        "There is nothing more to show. Send list for your unpaid invoices or customers for your saved customers.",
        "Hakuna zaidi ya kuonyesha. Tuma orodha kuona ankara ambazo hazijalipwa au wateja kuona wateja uliohifadhi."));

    private static Reply NoSuchPage(Paging paging, string english, string swahili, Language lang) => new(Pick(lang,
        $"There is no page {paging.Page}: there are {paging.Total} ({paging.Pages} pages of {Paging.PageSize}). Send {english} for the first page.",
        $"Hakuna ukurasa {paging.Page}: ziko {paging.Total} (kurasa {paging.Pages} za {Paging.PageSize}). Tuma {swahili} kwa ukurasa wa kwanza."));

    private static string MoreHint(Paging paging, int shown, string english, string swahili, Language lang)
    {
        var left = paging.Total - (paging.First - 1 + shown);
        if (left <= 0) return "";
        var next = Math.Min(left, Paging.PageSize);
        return Pick(lang,
            $"\n...and {left} more. Send more for the next {next} (or {english} {paging.Page + 1}).",
            $"\n...na nyingine {left}. Tuma zaidi kuona {next} zinazofuata (au {swahili} {paging.Page + 1}).");
    }

    private static string Ago(TimeSpan ago, Language lang)
    {
        var minutes = (int)Math.Floor(Math.Max(0, ago.TotalMinutes));
        return minutes switch
        {
            0 => Pick(lang, "less than a minute ago", "chini ya dakika moja iliyopita"),
            1 => Pick(lang, "1 minute ago", "dakika 1 iliyopita"),
            _ => Pick(lang, $"{minutes} minutes ago", $"dakika {minutes} zilizopita"),
        };
    }

    private static IReadOnlyList<ReplyButton> YesNoButtons(Language lang) =>
    [
        new(ChatAnswer.YesButton, Pick(lang, "Yes", "Ndio")),
        new(ChatAnswer.NoButton, Pick(lang, "No", "Hapana")),
    ];
}
