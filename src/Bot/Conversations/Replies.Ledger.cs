using System.Globalization;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Ledger;
using InvoiceFirst.Data.Time;

namespace InvoiceFirst.Bot.Conversations;

// balance / salio: what the service collected for a merchant on the collection route and has not paid out yet.
public static partial class Replies
{
    public static Reply Balance(Money balance, IReadOnlyList<LedgerEntry> recent, Language lang)
    {
        if (recent.Count == 0)
            return new(Pick(lang,
                $"Nothing has been collected for you yet: your balance is {balance.ToKesWithCents()}.",
                $"Bado hakuna pesa iliyokusanywa kwa niaba yako: salio lako ni {balance.ToKesWithCents()}."));
        var lines = string.Join("\n", recent.Select(e => LedgerLine(e, lang)));
        return new(Pick(lang,
            $"Collected for you and not yet paid out: {balance.ToKesWithCents()}.\nLatest:\n{lines}",
            $"Pesa iliyokusanywa kwa niaba yako na bado haijalipwa kwako: {balance.ToKesWithCents()}.\nZa hivi karibuni:\n{lines}"));
    }

    public static Reply BalanceNotCollected(Language lang) => new(Pick(lang,
        "Your customers pay you directly, into your own Till, Paybill or M-PESA app, so this service holds no money for you and there is no balance to show.",
        "Wateja wako hukulipa moja kwa moja, kwenye Till, Paybill au programu yako ya M-PESA, kwa hivyo huduma hii haishikilii pesa zako na hakuna salio la kuonyesha."));

    private static string LedgerLine(LedgerEntry e, Language lang)
    {
        var day = NairobiTime.Date(e.CreatedAt).ToString("dd/MM", CultureInfo.InvariantCulture);
        var sign = e.AmountCents < 0 ? "-" : "+";
        var amount = Money.FromCents(Math.Abs(e.AmountCents)).ToKesWithCents();
        var what = e.Kind switch
        {
            LedgerEntryKind.Credit => Pick(lang, "Paid", "Malipo") + (e.InvoiceNumber is { } n ? " " + n : ""),
            LedgerEntryKind.Fee => Pick(lang, "Fee", "Ada") + (e.InvoiceNumber is { } f ? " " + f : ""),
            _ => Pick(lang, "Paid out", "Umelipwa") + " " + e.PayoutReference,
        };
        return $"{day} {what} {sign}{amount}";
    }
}
