using InvoiceFirst.Bot.Conversations;
using InvoiceFirst.Bot.Hosting;
using InvoiceFirst.Data.Merchants;
using static InvoiceFirst.Bot.Conversations.Replies;

namespace InvoiceFirst.Bot.Onboarding;

/// <summary>What a number that is not yet a merchant reads: the welcome, the registration steps, the outcome. GSM-7 only.</summary>
public static class RegistrationReplies
{
    /// <summary>For a number that is neither a merchant, staff nor a customer: what this is, in both languages.</summary>
    public static Reply Welcome(RegistrationMode mode, string contact) => new(mode == RegistrationMode.Closed
        ? $"""
          Hello! This is InvoiceFirst: merchants send invoices from WhatsApp and get paid by M-PESA. To get access, contact {contact}.

          Habari! Hii ni InvoiceFirst: wafanyabiashara hutuma ankara kupitia WhatsApp na kulipwa kwa M-PESA. Kupata huduma, wasiliana na {contact}.
          """
        : """
          Hello! This is InvoiceFirst: send invoices to your customers from WhatsApp and get paid by M-PESA. Reply REGISTER to start invoicing your customers.

          Habari! Hii ni InvoiceFirst: tuma ankara kwa wateja wako kupitia WhatsApp na ulipwe kwa M-PESA. Jibu JISAJILI kuanza kutuma ankara kwa wateja wako.
          """);

    public static Reply RegistrationClosed(string contact, Language lang) => new(Pick(lang,
        $"Sorry, new merchants cannot join here right now. To get access, contact {contact}.",
        $"Samahani, wafanyabiashara wapya hawawezi kujiunga hapa kwa sasa. Kupata huduma, wasiliana na {contact}."));

    public static Reply AskBusinessName(Language lang) => new(Pick(lang,
        "Welcome! Let's set up your business. What is your business name, as your customers should see it? Send cancel to stop.",
        "Karibu! Tuandae biashara yako. Jina la biashara yako ni nini, kama wateja wako watakavyoliona? Tuma ghairi kusimamisha."));

    public static Reply BusinessNameRule(Language lang) => new(Pick(lang,
        $"The business name needs {FieldRules.NameMin}-{FieldRules.NameMax} characters with some letters, e.g. Mama Mboga Greens.",
        $"Jina la biashara liwe na herufi {FieldRules.NameMin}-{FieldRules.NameMax}, zikiwemo za alfabeti, mfano Mama Mboga Greens."));

    public static Reply AskPayRoute(bool collectionEnabled, Language lang) => new(Pick(lang,
        "How do your customers pay you by M-PESA? Reply with one of:\n"
        + "till 123456 - your Buy Goods Till number\n"
        + "paybill 123456 - your Paybill (add the account if it needs one: paybill 123456 account 0011)"
        + (collectionEnabled ? "\nskip - be paid through InvoiceFirst, which pays you out" : ""),
        "Wateja wako wanakulipa vipi kwa M-PESA? Jibu kwa mojawapo:\n"
        + "till 123456 - nambari yako ya Till (Buy Goods)\n"
        + "paybill 123456 - Paybill yako (ongeza akaunti ikihitajika: paybill 123456 akaunti 0011)"
        + (collectionEnabled ? "\nruka - ulipwe kupitia InvoiceFirst, itakayokulipa" : "")));

    public static Reply PayRouteProblem(PayChoiceError error, Language lang) => new(error switch
    {
        PayChoiceError.BadNumber => Pick(lang,
            "Till and Paybill numbers have 5 to 7 digits.",
            "Nambari za Till na Paybill zina tarakimu 5 hadi 7."),
        PayChoiceError.BadAccount => Pick(lang,
            "The Paybill account may have up to 20 letters or digits.",
            "Akaunti ya Paybill inaweza kuwa na herufi au tarakimu hadi 20."),
        PayChoiceError.TillHasNoAccount => Pick(lang,
            "A Till number has no account: send just the Till number, or use paybill for a Paybill with an account.",
            "Nambari ya Till haina akaunti: tuma nambari ya Till pekee, au tumia paybill kwa Paybill yenye akaunti."),
        PayChoiceError.CollectionUnavailable => Pick(lang,
            "Being paid through InvoiceFirst is not offered here yet, so please send your Till or Paybill number.",
            "Kulipwa kupitia InvoiceFirst bado hakupatikani hapa, kwa hivyo tafadhali tuma nambari yako ya Till au Paybill."),
        _ => Pick(lang,
            "Sorry, I didn't get how your customers pay.",
            "Samahani, sijaelewa jinsi wateja wako wanavyolipa."),
    });

    public static Reply AskRegistrationLanguage(Language lang) => new(Pick(lang,
        "Which language should I use? Reply 1 for English or 2 for Kiswahili.",
        "Nitumie lugha gani? Jibu 1 kwa Kiingereza au 2 kwa Kiswahili."));

    public static Reply ConfirmRegistration(RegistrationState row, Language lang) => new(Pick(lang,
        $"Please check:\nBusiness: {row.BusinessName}\nCustomers pay: {PayLine(row.Pay, lang)}\nLanguage: English\n"
        + "Tap Confirm to register, Edit to change something, or Cancel.",
        $"Tafadhali hakiki:\nBiashara: {row.BusinessName}\nWateja hulipa: {PayLine(row.Pay, lang)}\nLugha: Kiswahili\n"
        + "Bonyeza Thibitisha kujisajili, Badili kubadilisha, au Ghairi."),
        [
            new(RegistrationFlow.ConfirmButton, Pick(lang, "Confirm", "Thibitisha")),
            new(RegistrationFlow.EditButton, Pick(lang, "Edit", "Badili")),
            new(RegistrationFlow.CancelButton, Pick(lang, "Cancel", "Ghairi")),
        ]);

    public static Reply ConfirmRegistrationChoice(Language lang) => new(Pick(lang,
        "Please tap Confirm, Edit or Cancel.",
        "Tafadhali bonyeza Thibitisha, Badili au Ghairi."));

    public static Reply AskWhatToEditInRegistration(Language lang) => new(Pick(lang,
        "What should I change? Reply 1 for the business name, 2 for how customers pay, 3 for the language.",
        "Nibadilishe nini? Jibu 1 kwa jina la biashara, 2 kwa jinsi wateja wanavyolipa, 3 kwa lugha."));

    public static Reply RegistrationCancelled(Language lang) => new(Pick(lang,
        "Registration cancelled. Send REGISTER whenever you want to start again.",
        "Usajili umeghairiwa. Tuma JISAJILI wakati wowote kuanza upya."));

    /// <summary>An active merchant's first message: their code, and how to send the first invoice.</summary>
    public static Reply Welcome(Merchant merchant, bool approved, Language lang) => new(Pick(lang,
        (approved ? $"Good news: {merchant.Name} is approved on InvoiceFirst!" : $"Welcome to InvoiceFirst, {merchant.Name}!")
        + $" Your merchant code is {merchant.Code}: it starts your invoices' payment references ({merchant.Code}-1, {merchant.Code}-2, ...).\n"
        + "Send your first invoice like this:\ninvoice 0712345678 1500 Website design\nor send new to be guided step by step, and help for all commands.",
        (approved ? $"Habari njema: {merchant.Name} imeidhinishwa kwenye InvoiceFirst!" : $"Karibu InvoiceFirst, {merchant.Name}!")
        + $" Nambari yako ya mfanyabiashara ni {merchant.Code}: inaanza marejeo ya malipo ya ankara zako ({merchant.Code}-1, {merchant.Code}-2, ...).\n"
        + "Tuma ankara yako ya kwanza hivi:\nankara 0712345678 1500 Muundo wa tovuti\nau tuma mpya kuongozwa hatua kwa hatua, na msaada kuona amri zote."));

    public static Reply RegistrationPending(Merchant merchant, Language lang) => new(Pick(lang,
        $"Thank you! {merchant.Name} is registered and waiting for approval. We will message you here once it is approved.",
        $"Asante! {merchant.Name} imesajiliwa na inasubiri kuidhinishwa. Tutakutumia ujumbe hapa ikiidhinishwa."));

    public static Reply RegistrationDeclined(Merchant merchant, string contact, Language lang) => new(Pick(lang,
        $"Sorry, the registration of {merchant.Name} on InvoiceFirst was not approved. To ask why, contact {contact}.",
        $"Samahani, usajili wa {merchant.Name} kwenye InvoiceFirst haukuidhinishwa. Kuuliza sababu, wasiliana na {contact}."));

    public static Reply AlreadyRegistered(Language lang) => new(Pick(lang,
        "This number is already registered as a merchant. Send help to see what you can do.",
        "Nambari hii tayari imesajiliwa kama mfanyabiashara. Tuma msaada kuona unachoweza kufanya."));

    /// <summary>How customers pay, in a few words: "Till 123456", "Paybill 522522, account 0011".</summary>
    public static string PayLine(PayChoice? pay, Language lang) => pay switch
    {
        { Route: PayRoutes.Till } => $"Till {pay.Number}",
        { Route: PayRoutes.Paybill, Account: { } account } => Pick(lang, $"Paybill {pay.Number}, account {account}", $"Paybill {pay.Number}, akaunti {account}"),
        { Route: PayRoutes.Paybill } => $"Paybill {pay.Number}",
        _ => Pick(lang, "through InvoiceFirst", "kupitia InvoiceFirst"),
    };
}
