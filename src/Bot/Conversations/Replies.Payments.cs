using InvoiceFirst.Data.Payments;
using InvoiceFirst.Data.Domain;
using InvoiceFirst.Payments.Mpesa;
using InvoiceFirst.Data.Outbox;

namespace InvoiceFirst.Bot.Conversations;

public static partial class Replies
{
    public static Reply CheckYourPhone(string number, Money amount, Language lang) => new(Pick(lang,
        $"Check your phone: an M-PESA prompt for {amount.ToKes()} (invoice {number}) is on its way. Enter your PIN to pay.",
        $"Angalia simu yako: ombi la M-PESA la {amount.ToKes()} (ankara {number}) linakuja. Weka PIN yako kulipa."));

    public static Reply PromptAlreadyOpen(string number, Language lang) => new(Pick(lang,
        $"A payment prompt for invoice {number} is already on your phone. Check your phone and enter your PIN.",
        $"Ombi la malipo la ankara {number} tayari liko kwenye simu yako. Angalia simu yako na uweke PIN yako."));

    public static Reply InvoiceAlreadyPaid(string number, Language lang) => new(Pick(lang,
        $"Invoice {number} is already paid. Thank you!",
        $"Ankara {number} imeshalipwa. Asante!"));

    public static Reply InvoiceNotPayable(string number, Language lang) => new(Pick(lang,
        $"Invoice {number} is closed (cancelled or expired), so it can't be paid. Please ask the seller for a new one.",
        $"Ankara {number} imefungwa (imeghairiwa au muda wake umeisha), kwa hiyo haiwezi kulipwa. Tafadhali muombe muuzaji ankara mpya."));

    public static Reply NotYourInvoice(Language lang) => new(Pick(lang,
        "Sorry, that invoice was not sent to this number, so I can't start a payment for it.",
        "Samahani, ankara hiyo haikutumwa kwa nambari hii, kwa hiyo siwezi kuanzisha malipo yake."));

    public static Reply NoUnpaidInvoice(Language lang) => new(Pick(lang,
        "You have no unpaid invoices with us. Thank you!",
        "Huna ankara ambayo haijalipwa. Asante!"));

    /// <summary>Daraja refused the push; what the customer can do about it.</summary>
    public static Reply PushRefused(StkErrorKind kind, string invoiceId, Language lang) => kind switch
    {
        StkErrorKind.InvalidRequest => new(Pick(lang,
            "M-PESA could not send a prompt to this number. Please check that it is an M-PESA number, or pay by Paybill.",
            "M-PESA haikuweza kutuma ombi kwa nambari hii. Hakikisha ni nambari ya M-PESA, au lipa kwa Paybill.")),
        StkErrorKind.SubscriberBusy => new(Pick(lang,
            "Another M-PESA prompt is open on your phone. Close it, wait a minute and try again.",
            "Kuna ombi lingine la M-PESA kwenye simu yako. Lifunge, subiri dakika moja kisha ujaribu tena."),
            [TryAgainButton(invoiceId, lang)]),
        _ => new(Pick(lang,
            "M-PESA is busy right now. Please try again in a few minutes.",
            "M-PESA ina shughuli nyingi sasa. Tafadhali jaribu tena baada ya dakika chache."),
            [TryAgainButton(invoiceId, lang)]),
    };

    /// <summary>The prompt ended without payment; the invoice stays payable, and the customer hears why and what to do.</summary>
    public static Reply PaymentNotCompleted(PaymentFailureKind kind, string number, string invoiceId, Language lang)
    {
        var why = kind switch
        {
            PaymentFailureKind.Cancelled => Pick(lang, "The payment was cancelled.", "Malipo yameghairiwa."),
            PaymentFailureKind.NoAnswer or PaymentFailureKind.Expired => Pick(lang,
                "The M-PESA prompt timed out or did not reach your phone.", "Ombi la M-PESA limepitwa na muda au halikufika kwenye simu yako."),
            PaymentFailureKind.WrongPin => Pick(lang, "The PIN was not accepted.", "PIN haikukubaliwa."),
            PaymentFailureKind.InsufficientFunds => Pick(lang, "There was not enough money in M-PESA.", "Hakukuwa na pesa za kutosha kwenye M-PESA."),
            PaymentFailureKind.SubscriberBusy => Pick(lang,
                "Another M-PESA transaction was in progress on your phone.", "Kulikuwa na muamala mwingine wa M-PESA kwenye simu yako."),
            PaymentFailureKind.RepeatTooSoon => Pick(lang,
                "M-PESA refuses the same amount twice within 2 minutes.", "M-PESA haikubali kiasi kilekile mara mbili ndani ya dakika 2."),
            PaymentFailureKind.Transient => Pick(lang, "M-PESA could not complete the prompt.", "M-PESA haikuweza kukamilisha ombi."),
            PaymentFailureKind.LimitExceeded => Pick(lang,
                "M-PESA refused the amount: it is above a limit of your account or of the business.",
                "M-PESA imekataa kiasi hiki: kimezidi kikomo cha akaunti yako au cha biashara."),
            PaymentFailureKind.PinLocked => Pick(lang,
                "Your M-PESA PIN is locked: call Safaricom on 100 to unlock it.", "PIN yako ya M-PESA imefungwa: piga 100 kwa Safaricom ili kuifungua."),
            PaymentFailureKind.Configuration => Pick(lang,
                "The business's M-PESA setup refused the payment; they have been told.", "Mipangilio ya M-PESA ya biashara imekataa malipo; wamearifiwa."),
            _ => Pick(lang, "The payment did not go through.", "Malipo hayakufanikiwa."),
        };
        if (!MpesaResultCodes.CanTryAgain(kind))
            return new(Pick(lang, $"{why} Invoice {number} is still open.", $"{why} Ankara {number} bado iko wazi."));
        return new(Pick(lang,
            $"{why} Invoice {number} is still open. Tap Try again when you are ready.",
            $"{why} Ankara {number} bado iko wazi. Bonyeza Jaribu tena ukiwa tayari."),
            [TryAgainButton(invoiceId, lang)]);
    }

    public static Reply CustomerReceipt(string merchantName, string number, string? receipt, Money amount, Money balance, Language lang)
    {
        var code = receipt ?? Pick(lang, "(in your M-PESA SMS)", "(kwenye SMS ya M-PESA)");
        return new(balance.IsPositive
            ? Pick(lang,
                $"Payment received: {amount.ToKes()} to {merchantName} for invoice {number}. M-PESA receipt {code}. Balance: {balance.ToKes()}.",
                $"Malipo yamepokelewa: {amount.ToKes()} kwa {merchantName} kwa ankara {number}. Risiti ya M-PESA {code}. Baki: {balance.ToKes()}.")
            : Pick(lang,
                $"Payment received: {amount.ToKes()} to {merchantName} for invoice {number}. M-PESA receipt {code}. Invoice paid in full. Thank you!",
                $"Malipo yamepokelewa: {amount.ToKes()} kwa {merchantName} kwa ankara {number}. Risiti ya M-PESA {code}. Ankara imelipwa yote. Asante!"));
    }

    public static Reply MerchantPaymentReceived(string payer, string number, string? receipt, Money amount, Money balance, Language lang) =>
        new(Pick(lang,
            $"{payer} paid {amount.ToKes()} for invoice {number} (M-PESA {receipt ?? "-"}). Balance: {balance.ToKes()}.",
            $"{payer} amelipa {amount.ToKes()} kwa ankara {number} (M-PESA {receipt ?? "-"}). Baki: {balance.ToKes()}."));

    public static Reply MerchantPaidWhileClosed(string payer, string number, Money amount, Language lang) => new(Pick(lang,
        $"Note: {payer} paid {amount.ToKes()} for invoice {number}, which was cancelled. The money is yours; refund or reissue as you see fit.",
        $"Kumbuka: {payer} amelipa {amount.ToKes()} kwa ankara {number}, ambayo ilighairiwa. Pesa ni zako; rudisha au toa ankara mpya upendavyo."));

    public static Reply MerchantOverpaid(string payer, string number, Money overpaid, Language lang) => new(Pick(lang,
        $"Note: invoice {number} is now overpaid by {overpaid.ToKes()} ({payer} paid more than it was for). Refund the difference or keep it as credit.",
        $"Kumbuka: ankara {number} sasa imelipwa zaidi kwa {overpaid.ToKes()} ({payer} amelipa zaidi ya kiasi chake). Rudisha tofauti au iweke kama salio."));

    public static Reply MerchantUnappliedPayment(string payer, string account, string receipt, Money amount, Language lang) => new(Pick(lang,
        $"{payer} paid {amount.ToKes()} by Paybill with account \"{account}\", which matches no invoice (M-PESA {receipt}). It is recorded as unapplied.",
        $"{payer} amelipa {amount.ToKes()} kwa Paybill na akaunti \"{account}\", ambayo hailingani na ankara yoyote (M-PESA {receipt}). Imerekodiwa kama haijatumika."));

    public static ReplyButton TryAgainButton(string invoiceId, Language lang) =>
        new(InvoiceTexts.PayButtonPrefix + invoiceId, Pick(lang, "Try again", "Jaribu tena"));
}
