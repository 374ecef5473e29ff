using System.Globalization;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Data.Ledger;
using InvoiceFirst.Data.Time;

namespace InvoiceFirst.Bot.Conversations;

// balance / salio: what the service collected for a merchant on the collection route and has not paid out yet.
public static partial class Replies
{
    /// <param name="onTheWay">The sum of B2C payouts sent or about to be sent and not yet paid: part of the balance, already leaving.</param>
    public static Reply Balance(Money balance, IReadOnlyList<LedgerEntry> recent, Language lang, Money onTheWay = default)
    {
        if (recent.Count == 0)
            return new(Pick(lang,
                $"Nothing has been collected for you yet: your balance is {balance.ToKesWithCents()}.",
                $"Bado hakuna pesa iliyokusanywa kwa niaba yako: salio lako ni {balance.ToKesWithCents()}."));
        var lines = string.Join("\n", recent.Select(e => LedgerLine(e, lang)));
        var leaving = onTheWay.IsPositive
            ? Pick(lang, $"\nOn its way to your M-PESA now: {onTheWay.ToKesWithCents()}.", $"\nInatumwa kwa M-PESA yako sasa: {onTheWay.ToKesWithCents()}.")
            : "";
        return new(Pick(lang,
            $"Collected for you and not yet paid out: {balance.ToKesWithCents()}.{leaving}\nLatest:\n{lines}",
            $"Pesa iliyokusanywa kwa niaba yako na bado haijalipwa kwako: {balance.ToKesWithCents()}.{leaving}\nZa hivi karibuni:\n{lines}"));
    }

    /// <summary>To the owner when a B2C payout reached their M-PESA.</summary>
    public static Reply PayoutPaid(Money amount, string receipt, Language lang) => new(Pick(lang,
        $"{amount.ToKes()} sent to your M-PESA, receipt {receipt}. It is your money collected by this service; reply balance to see what is left.",
        $"{amount.ToKes()} zimetumwa kwa M-PESA yako, risiti {receipt}. Ni pesa zako zilizokusanywa na huduma hii; jibu salio kuona kilichobaki."));

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
