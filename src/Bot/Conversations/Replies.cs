using System.Globalization;
using InvoiceFirst.Data.Outbox;

namespace InvoiceFirst.Bot.Conversations;

/// <summary>
/// Every text a merchant or customer sees in chat, in English and Swahili. Texts stay within the
/// GSM-7 alphabet so any of them can go out by SMS without tripling the cost.
/// </summary>
public static partial class Replies
{
    public static Reply Help(Language lang) => new(Pick(lang,
        """
        InvoiceFirst commands:
        invoice 0712345678 1500 Website design - send an invoice
        invoice 0712345678 2 cement @750, delivery 300 - an invoice with items
        new - create an invoice step by step
        list - unpaid invoices (more - the next 10)
        customers - saved customers
        customer Jane 0712345678 - save a customer
        status INV-0042 - check an invoice
        remind INV-0042 - remind the customer
        cancel INV-0042 - cancel an invoice
        stop INV-0042 - no automatic reminders for an invoice
        reminders off / on - automatic reminders for all
        stats - what you invoiced and collected
        summary on / off - evening summary
        pdf off / on - PDFs to customers
        staff add 0712345678 Jane - let Jane invoice from her phone
        staff - your staff (staff remove 0712345678)
        item add Cement 750 - save an item (items - your items)
        vat inclusive / vat exclusive / vat none - VAT on new invoices
        mpesa setup - be paid to your own Paybill or Till
        balance - money collected for you
        lang sw - reply in Kiswahili
        web - open your dashboard in a browser
        help - this list
        """,
        """
        Amri za InvoiceFirst:
        ankara 0712345678 1500 Muundo wa tovuti - tuma ankara
        ankara 0712345678 saruji 2 @750, usafiri 300 - ankara yenye bidhaa
        mpya - tengeneza ankara hatua kwa hatua
        orodha - ankara ambazo hazijalipwa (zaidi - 10 zinazofuata)
        wateja - wateja uliohifadhi
        mteja Jane 0712345678 - hifadhi mteja
        hali INV-0042 - angalia ankara
        kumbusha INV-0042 - mkumbushe mteja
        ghairi INV-0042 - ghairi ankara
        acha INV-0042 - zima vikumbusho vya ankara moja
        vikumbusho zima / washa - vikumbusho vyote
        takwimu - ulichotoza na kukusanya
        muhtasari washa / zima - muhtasari wa jioni
        pdf zima / washa - PDF kwa wateja
        wafanyakazi ongeza 0712345678 Jane - Jane atume ankara pia
        wafanyakazi - wafanyakazi wako (wafanyakazi ondoa 0712345678)
        bidhaa ongeza Saruji 750 - hifadhi bidhaa (bidhaa - bidhaa zako)
        kodi ndani / kodi nje / kodi hakuna - VAT kwenye ankara mpya
        mpesa weka - lipwa kwenye Paybill au Till yako
        salio - pesa zilizokusanywa kwako
        lugha en - reply in English
        dashibodi - fungua dashibodi yako
        msaada - orodha hii
        """));

    /// <summary>The <c>web</c> command's one-tap login link: one use, 15 minutes.</summary>
    public static Reply WebLink(string url, Language lang) => new(Pick(lang,
        $"Your InvoiceFirst dashboard: {url}\nThe link logs you in once, within 15 minutes. Do not forward it.",
        $"Dashibodi yako ya InvoiceFirst: {url}\nKiungo kinakuingiza mara moja, ndani ya dakika 15. Usikitume kwa mtu mwingine."));

    public static Reply UnknownCommand(Language lang) => new(Pick(lang,
        "Sorry, I didn't get that. Try: invoice 0712345678 1500 Website design, or new to be guided. Send help for all commands.",
        "Samahani, sijaelewa. Jaribu: ankara 0712345678 1500 Muundo wa tovuti, au mpya kuongozwa. Tuma msaada kuona amri zote."));

    public static Reply LanguageSwitched(Language lang) => new(Pick(lang,
        "OK, I will reply in English. Send lang sw for Kiswahili.",
        "Sawa, nitajibu kwa Kiswahili. Tuma lugha en kwa Kiingereza."));

    public static Reply TextOnly(Language lang) => new(Pick(lang,
        "Sorry, I can only read text messages. Send help to see what I can do.",
        "Samahani, ninaweza kusoma ujumbe wa maandishi tu. Tuma msaada kuona ninachoweza kufanya."));

    public static Reply CustomerPayHint(Language lang) => new(Pick(lang,
        "To pay, tap the Pay with M-PESA button on your invoice or reply PAY.",
        "Kulipa, bonyeza kitufe cha Lipa kwa M-PESA kwenye ankara yako au jibu LIPA."));

    internal static string Pick(Language lang, string english, string swahili) => lang.Pick(english, swahili);

    // Kenyans read and type numbers in the local 07... form.

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
