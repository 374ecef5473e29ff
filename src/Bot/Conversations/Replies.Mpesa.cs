using InvoiceFirst.Data.Merchants;
using InvoiceFirst.Data.Time;

namespace InvoiceFirst.Bot.Conversations;

// The owner's M-PESA keys in chat: what is set up, the link to the form, removing them, and what to fix when Safaricom refuses them.
public static partial class Replies
{
    public static Reply MpesaUsage(Language lang) => new(Pick(lang,
        "Send mpesa to see how you are paid, mpesa setup for a link to enter your own Daraja keys, or mpesa remove to stop using them.",
        "Tuma mpesa kuona jinsi unavyolipwa, mpesa weka kupata kiungo cha kuweka funguo zako za Daraja, au mpesa ondoa kuacha kuzitumia."));

    public static Reply MpesaSetupLink(string url, Language lang) => new(Pick(lang,
        $"Open this link on your phone to enter your Daraja app's keys (it works once, for 15 minutes, and only for your business):\n{url}\nCustomers' payments then go straight to your own Paybill or Till.",
        $"Fungua kiungo hiki kwenye simu yako kuweka funguo za programu yako ya Daraja (kinafanya kazi mara moja, kwa dakika 15, kwa biashara yako tu):\n{url}\nMalipo ya wateja yataenda moja kwa moja kwenye Paybill au Till yako."));

    public static Reply MpesaStatus(MerchantMpesa? own, Language lang)
    {
        if (own is not { IsActive: true })
            return new(Pick(lang,
                "Your customers pay through this service's M-PESA account. To have them pay into your own Paybill or Till, send mpesa setup.",
                "Wateja wako hulipa kupitia akaunti ya M-PESA ya huduma hii. Ili walipe moja kwa moja kwenye Paybill au Till yako, tuma mpesa weka."));
        var what = own.Kind == "TILL" ? $"Till {own.PartyB} (store {own.ShortCode})" : $"Paybill {own.ShortCode}";
        var saved = NairobiTime.Date(own.SavedAt).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var used = own.LastUsedAt is { } at
            ? at.ToOffset(NairobiTime.Offset).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)
            : null;
        return new(Pick(lang,
            $"Customers pay into your own {what}, with your Daraja keys (saved on {saved}{(used is null ? ", not used yet" : $", last used {used}")}). To change them: mpesa setup. To stop using them: mpesa remove.",
            $"Wateja hulipa moja kwa moja kwenye {what} yako, kwa funguo zako za Daraja (ziliwekwa {saved}{(used is null ? ", bado hazijatumika" : $", zilitumika mwisho {used}")}). Kuzibadilisha: mpesa weka. Kuacha kuzitumia: mpesa ondoa."));
    }

    public static Reply MpesaRemoved(Language lang) => new(Pick(lang,
        "Your Daraja keys are removed: new payments go through this service's M-PESA account. Payments already started finish as they began.",
        "Funguo zako za Daraja zimeondolewa: malipo mapya yatapitia akaunti ya M-PESA ya huduma hii. Malipo yaliyoanza yatamalizika kama yalivyoanza."));

    public static Reply MpesaNothingToRemove(Language lang) => new(Pick(lang,
        "You have no Daraja keys saved, so there is nothing to remove.",
        "Huna funguo za Daraja zilizohifadhiwa, kwa hivyo hakuna cha kuondoa."));

    /// <summary>To the owner, when Safaricom refused a push made with their own keys: what to fix.</summary>
    public static Reply MpesaKeysRefused(string invoiceNumber, string errorCode, Language lang) => new(Pick(lang,
        $"Safaricom refused the M-PESA prompt for {invoiceNumber} sent with your Daraja keys ({errorCode}): the keys, the passkey or the shortcode are not right. Check them in the Daraja portal, then send mpesa setup to enter them again.",
        $"Safaricom imekataa ombi la M-PESA la {invoiceNumber} lililotumwa kwa funguo zako za Daraja ({errorCode}): funguo, passkey au shortcode si sahihi. Zikague kwenye Daraja, kisha tuma mpesa weka kuziweka upya."));
}
