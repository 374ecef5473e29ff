using InvoiceFirst.Data.Domain;
namespace InvoiceFirst.Bot.Conversations;

public static partial class Replies
{
    public static Reply SummarySwitched(bool on, Language lang) => on
        ? new(Pick(lang,
            "OK, every evening I will send you the day's payments and anything that needs checking. Send summary off to stop.",
            "Sawa, kila jioni nitakutumia malipo ya siku na chochote kinachohitaji kuangaliwa. Tuma muhtasari zima kusimamisha."))
        : new(Pick(lang,
            "OK, no more evening summaries. Send summary on to start again.",
            "Sawa, hakuna muhtasari wa jioni tena. Tuma muhtasari washa kuanza tena."));

    public static Reply SummaryUsage(Language lang) => new(Pick(lang,
        "Send summary on for an evening summary of payments, or summary off to stop it.",
        "Tuma muhtasari washa kupata muhtasari wa malipo kila jioni, au muhtasari zima kuusimamisha."));

    public static Reply EveningSummary(DateOnly date, long payments, Money collected, int differences, int unverified, Language lang)
    {
        var text = Pick(lang,
            $"Summary for {Date(date)}: {payments} payments, {collected.ToKes()} collected.",
            $"Muhtasari wa {Date(date)}: malipo {payments}, {collected.ToKes()} yamepokelewa.");
        var check = differences == 0
            ? Pick(lang, " Everything matches M-PESA.", " Kila kitu kinalingana na M-PESA.")
            : Pick(lang, $" {differences} to check against M-PESA: see the reconciliation report.",
                $" {differences} za kuangalia dhidi ya M-PESA: angalia ripoti ya ulinganisho.");
        var pending = unverified == 0 ? ""
            : Pick(lang, $" {unverified} Paybill payment(s) unverified: not counted until M-PESA confirms them.",
                $" Malipo {unverified} ya Paybill hayajathibitishwa: hayahesabiwi hadi M-PESA iyathibitishe.");
        return new(text + check + pending);
    }

    public static Reply SlowDown(Language lang) => new(Pick(lang,
        "You are sending messages very fast. I will answer again in a minute.",
        "Unatuma ujumbe kwa kasi sana. Nitajibu tena baada ya dakika moja."));
}
