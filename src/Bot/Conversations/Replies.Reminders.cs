using InvoiceFirst.Data.Domain;
namespace InvoiceFirst.Bot.Conversations;

public static partial class Replies
{
    public static Reply RemindersStopped(string number, Language lang) => new(Pick(lang,
        $"OK, no more automatic reminders for {number}. You can still send one with remind {number}.",
        $"Sawa, hakuna vikumbusho vya kiotomatiki tena kwa {number}. Bado unaweza kutuma kimoja kwa kumbusha {number}."));

    public static Reply RemindersSwitched(bool enabled, Language lang) => enabled
        ? new(Pick(lang,
            "Automatic reminders are on: customers hear from me 1 day before an invoice is due and 1, 3 and 7 days after.",
            "Vikumbusho vya kiotomatiki vimewashwa: wateja watakumbushwa siku 1 kabla ya ankara kufika mwisho na siku 1, 3 na 7 baadaye."))
        : new(Pick(lang,
            "Automatic reminders are off for all your invoices. Send reminders on to switch them back on.",
            "Vikumbusho vya kiotomatiki vimezimwa kwa ankara zako zote. Tuma vikumbusho washa kuviwasha tena."));

    public static Reply RemindersSwitchHelp(Language lang) => new(Pick(lang,
        "Send reminders off to stop automatic reminders, or reminders on to start them again.",
        "Tuma vikumbusho zima kusimamisha vikumbusho vya kiotomatiki, au vikumbusho washa kuviwasha tena."));

    public static Reply StatsSummary(MoneyPeriod today, MoneyPeriod week, MoneyPeriod month, Language lang) => new(Pick(lang,
        $"Your invoices:\n{Line("Today", today, lang)}\n{Line("This week", week, lang)}\n{Line("This month", month, lang)}",
        $"Ankara zako:\n{Line("Leo", today, lang)}\n{Line("Wiki hii", week, lang)}\n{Line("Mwezi huu", month, lang)}"));

    private static string Line(string label, MoneyPeriod period, Language lang) => Pick(lang,
        $"{label}: invoiced {period.Invoiced.ToKes()}, collected {period.Collected.ToKes()}, outstanding {period.Outstanding.ToKes()}",
        $"{label}: ankara {period.Invoiced.ToKes()}, imelipwa {period.Collected.ToKes()}, baki {period.Outstanding.ToKes()}");
}
