using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.MpesaSetup;

/// <summary>Every word of the M-PESA setup page, in English and Swahili.</summary>
public sealed record MpesaSetupText(Language Language)
{
    private string Pick(string english, string swahili) => Language.IsSwahili ? swahili : english;

    public string Title => Pick("Your M-PESA keys", "Funguo zako za M-PESA");
    public string Intro(string business) => Pick(
        $"For {business}: enter your Daraja app's keys from developer.safaricom.co.ke, and your customers' payments go straight to your own Paybill or Till.",
        $"Kwa {business}: weka funguo za programu yako ya Daraja kutoka developer.safaricom.co.ke, na malipo ya wateja wako yataenda moja kwa moja kwenye Paybill au Till yako.");
    public string Kind => Pick("How customers pay you", "Wateja hukulipa vipi");
    public string Paybill => "Paybill";
    public string Till => Pick("Till (Buy Goods)", "Till (Lipa kwa Buy Goods)");
    public string ShortCode => Pick("Shortcode (Paybill number, or the store number of the Till)", "Shortcode (namba ya Paybill, au namba ya duka ya Till)");
    public string TillNumber => Pick("Till number (Buy Goods only)", "Namba ya Till (Buy Goods pekee)");
    public string ConsumerKey => "Consumer key";
    public string ConsumerSecret => "Consumer secret";
    public string Passkey => Pick("Lipa na M-PESA passkey", "Passkey ya Lipa na M-PESA");
    public string Optional => Pick("To verify Paybill payments made by hand (optional)", "Kuhakiki malipo ya Paybill yanayofanywa kwa mkono (si lazima)");
    public string InitiatorName => Pick("Initiator name", "Jina la initiator");
    public string InitiatorPassword => Pick("Initiator password", "Nenosiri la initiator");
    public string Certificate => Pick("Safaricom certificate (PEM)", "Cheti cha Safaricom (PEM)");
    public string Save => Pick("Check with Safaricom and save", "Hakiki na Safaricom na uhifadhi");
    public string SecretsNote => Pick(
        "Your keys are checked with Safaricom, then stored encrypted. Nobody can read them back here, not even you: to change them, enter them again.",
        "Funguo zako zinahakikiwa na Safaricom, kisha zinahifadhiwa kwa usimbaji fiche. Hakuna anayeweza kuzisoma tena hapa, hata wewe: kuzibadilisha, ziweke upya.");
    public string LinkUsed => Pick(
        "This link was used already or has expired. Send mpesa setup in the chat for a new one.",
        "Kiungo hiki kimeshatumika au muda wake umepita. Tuma mpesa weka kwenye mazungumzo upate kipya.");
    public string FormExpired => Pick("This page was open too long. Please enter the keys again.", "Ukurasa huu ulikaa wazi muda mrefu. Tafadhali weka funguo tena.");
    public string BadShortCode => Pick("The shortcode is 5 to 7 digits, e.g. 522522.", "Shortcode ni tarakimu 5 hadi 7, mfano 522522.");
    public string BadTill => Pick("For a Till, type the Till number too: 5 to 7 digits, e.g. 832909.", "Kwa Till, andika pia namba ya Till: tarakimu 5 hadi 7, mfano 832909.");
    public string MissingKeys => Pick("Enter the consumer key, the consumer secret and the passkey.", "Weka consumer key, consumer secret na passkey.");
    public string InitiatorIncomplete => Pick("For verifying Paybill payments, enter the initiator name, password and certificate together, or none of them.",
        "Kwa kuhakiki malipo ya Paybill, weka jina la initiator, nenosiri na cheti pamoja, au usiweke chochote.");
    public string KeysRefused => Pick(
        "Safaricom did not accept this consumer key and secret. Copy them again from your app on developer.safaricom.co.ke (no spaces) and try again.",
        "Safaricom haikukubali consumer key na secret hizi. Zinakili upya kutoka programu yako kwenye developer.safaricom.co.ke (bila nafasi) ujaribu tena.");
    public string Unreachable => Pick("Safaricom could not be reached just now. Nothing was saved; please try again in a minute.",
        "Safaricom haikupatikana sasa hivi. Hakuna kilichohifadhiwa; tafadhali jaribu tena baada ya dakika moja.");
    public string C2bRegistered => Pick(
        "Payments customers make by hand to it (Paybill with the invoice's reference) are recognised too.",
        "Malipo ambayo wateja hufanya kwa mkono (Paybill na namba ya ankara) yanatambuliwa pia.");
    public string C2bRefused(string why) => Pick(
        $"Safaricom did not let us register for payments made by hand ({why}); prompts sent from invoices work as usual.",
        $"Safaricom haikuturuhusu kusajili malipo ya mkono ({why}); maombi ya malipo kutoka ankara yanafanya kazi kama kawaida.");
    public string C2bNoAnswer => Pick(
        "Safaricom did not answer when we registered for payments made by hand; the operator can register again later.",
        "Safaricom haikujibu tulipojisajili kwa malipo ya mkono; msimamizi anaweza kusajili tena baadaye.");
    public string BadCertificate => Pick("The certificate could not be read: paste the whole PEM text from Safaricom.",
        "Cheti hakikusomeka: bandika maandishi yote ya PEM kutoka Safaricom.");
    public string Saved(string what) => Pick(
        $"Saved. Safaricom accepted your keys: from now on your customers pay into your {what}. Send mpesa in the chat to see this again.",
        $"Imehifadhiwa. Safaricom imekubali funguo zako: sasa wateja wako watalipa moja kwa moja kwenye {what} yako. Tuma mpesa kwenye mazungumzo kuona hili tena.");
}
