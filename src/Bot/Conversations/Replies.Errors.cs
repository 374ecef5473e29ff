using InvoiceFirst.Data.Domain;
namespace InvoiceFirst.Bot.Conversations;

public static partial class Replies
{
    public static Reply ForCommandError(CommandError error, Language lang, long maxShillings = AmountParser.DefaultMaxShillings) =>
        error.Kind switch
        {
            CommandErrorKind.InvalidPhone => InvalidPhone(lang),
            CommandErrorKind.MissingCustomer => MissingCustomer(lang),
            CommandErrorKind.CustomerNameTooShort => NameLength(FieldError.TooShort, lang),
            CommandErrorKind.CustomerNameTooLong => NameLength(FieldError.TooLong, lang),
            CommandErrorKind.MissingAmount => MissingAmount(lang),
            CommandErrorKind.InvalidAmount => ForAmountError(error.AmountError ?? AmountError.NotANumber, maxShillings, lang),
            CommandErrorKind.MissingDescription => MissingDescription(lang),
            CommandErrorKind.DescriptionTooShort => DescriptionLength(FieldError.TooShort, lang),
            CommandErrorKind.DescriptionTooLong => DescriptionLength(FieldError.TooLong, lang),
            CommandErrorKind.MissingInvoiceNumber => MissingInvoiceNumber(error.For, lang),
            CommandErrorKind.InvalidInvoiceNumber => InvalidInvoiceNumber(lang),
            CommandErrorKind.MissingLanguage or CommandErrorKind.UnsupportedLanguage => UnsupportedLanguage(lang),
            CommandErrorKind.MissingSwitch => RemindersSwitchHelp(lang),
            CommandErrorKind.MissingSummarySwitch => SummaryUsage(lang),
            CommandErrorKind.MissingPdfSwitch => PdfUsage(lang),
            CommandErrorKind.MpesaUsage => MpesaUsage(lang),
            CommandErrorKind.InvalidItem => InvalidItem(error, maxShillings, lang),
            CommandErrorKind.MissingVatMode => VatUsage(lang),
            _ => UnknownCommand(lang),
        };

    public static Reply InvalidPhone(Language lang) => new(Pick(lang,
        "That is not a Kenyan mobile number. Use one of: 0712345678, 712345678, 254712345678 or +254712345678.",
        "Hiyo si namba ya simu ya Kenya. Tumia mojawapo: 0712345678, 712345678, 254712345678 au +254712345678."));

    public static Reply ForAmountError(AmountError error, long maxShillings, Language lang) => new(error switch
    {
        AmountError.ZeroOrNegative => Pick(lang,
            "The amount must be more than zero. Send it in whole shillings, e.g. 1500 or 1.5k.",
            "Kiasi lazima kiwe zaidi ya sifuri. Tuma shilingi kamili, mfano 1500 au 1.5k."),
        AmountError.HasCents => Pick(lang,
            "M-PESA takes whole shillings only - no cents. Send e.g. 1500.",
            "M-PESA inapokea shilingi kamili tu - bila senti. Tuma mfano 1500."),
        AmountError.Exponent => Pick(lang,
            "Please write the amount in full, e.g. 1000 or 1k, not 1e3.",
            "Tafadhali andika kiasi kamili, mfano 1000 au 1k, si 1e3."),
        AmountError.TooLarge => Pick(lang,
            $"The most one invoice can be is {Money.FromShillings(maxShillings).ToKes()}. Send a smaller amount, e.g. {maxShillings}, or split it into two invoices.",
            $"Kiasi cha juu cha ankara moja ni {Money.FromShillings(maxShillings).ToKes()}. Tuma kiasi kidogo, mfano {maxShillings}, au kigawe kwa ankara mbili."),
        _ => Pick(lang,
            "I couldn't read the amount. Use whole shillings like 1500, 1,500, KES 1500 or 1.5k.",
            "Sikuweza kusoma kiasi. Tumia shilingi kamili kama 1500, 1,500, KES 1500 au 1.5k."),
    });

    public static Reply DescriptionLength(FieldError error, Language lang) => new(error == FieldError.TooShort
        ? Pick(lang,
            $"The description is too short - use at least {FieldRules.DescriptionMin} characters.",
            $"Maelezo ni mafupi mno - tumia angalau herufi {FieldRules.DescriptionMin}.")
        : Pick(lang,
            $"The description is too long - keep it to {FieldRules.DescriptionMax} characters.",
            $"Maelezo ni marefu mno - yasizidi herufi {FieldRules.DescriptionMax}."));

    public static Reply NameLength(FieldError error, Language lang) => new(error == FieldError.TooShort
        ? Pick(lang,
            $"The customer name is too short - use at least {FieldRules.NameMin} characters.",
            $"Jina la mteja ni fupi mno - tumia angalau herufi {FieldRules.NameMin}.")
        : Pick(lang,
            $"The customer name is too long - keep it to {FieldRules.NameMax} characters.",
            $"Jina la mteja ni refu mno - lisizidi herufi {FieldRules.NameMax}."));

    public static Reply MissingCustomer(Language lang) => new(Pick(lang,
        "Who is the invoice for? Put the customer's phone or saved name first: invoice 0712345678 1500 Website design",
        "Ankara ni ya nani? Weka simu au jina la mteja kwanza: ankara 0712345678 1500 Muundo wa tovuti"));

    public static Reply CustomerNotFound(string name, Language lang) => new(Pick(lang,
        $"I have no saved customer called {name}. Send their phone number instead, e.g. 0712345678.",
        $"Sina mteja aliyehifadhiwa kwa jina {name}. Tuma namba yake ya simu badala yake, mfano 0712345678."));

    public static Reply MissingAmount(Language lang) => new(Pick(lang,
        "Add the amount after the customer: invoice 0712345678 1500 Website design",
        "Ongeza kiasi baada ya mteja: ankara 0712345678 1500 Muundo wa tovuti"));

    public static Reply MissingDescription(Language lang) => new(Pick(lang,
        "Add what the invoice is for after the amount: invoice 0712345678 1500 Website design",
        "Ongeza ankara ni ya nini baada ya kiasi: ankara 0712345678 1500 Muundo wa tovuti"));

    public static Reply InvalidInvoiceNumber(Language lang) => new(Pick(lang,
        "That is not an invoice number. Use the number on the invoice, e.g. INV-0042 or 42.",
        "Hiyo si namba ya ankara. Tumia namba iliyo kwenye ankara, mfano INV-0042 au 42."));

    public static Reply UnsupportedLanguage(Language lang) => new(Pick(lang,
        "I speak English and Kiswahili: send lang en or lang sw.",
        "Ninazungumza Kiingereza na Kiswahili: tuma lugha en au lugha sw."));
}
