using InvoiceFirst.Data.Domain;

namespace InvoiceFirst.Bot.Conversations;

public static partial class Replies
{
    public static Reply PdfSwitched(bool on, Language lang) => on
        ? new(Pick(lang,
            "OK, your customers get a PDF of each invoice and receipt on WhatsApp. Send pdf off to stop.",
            "Sawa, wateja wako watapata PDF ya kila ankara na risiti kwenye WhatsApp. Tuma pdf zima kusimamisha."))
        : new(Pick(lang,
            "OK, no more PDFs on WhatsApp: customers still get the invoice, the receipt and the pay link. Send pdf on to start again.",
            "Sawa, hakuna PDF tena kwenye WhatsApp: wateja bado watapata ankara, risiti na kiungo cha kulipa. Tuma pdf washa kuanza tena."));

    public static Reply PdfUsage(Language lang) => new(Pick(lang,
        "Send pdf on to send customers a PDF of each invoice and receipt, or pdf off to stop.",
        "Tuma pdf washa kuwatumia wateja PDF ya kila ankara na risiti, au pdf zima kusimamisha."));
}
