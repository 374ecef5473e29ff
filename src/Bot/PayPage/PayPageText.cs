using InvoiceFirst.Bot.Conversations;

namespace InvoiceFirst.Bot.PayPage;

/// <summary>Every sentence of the pay page, in English and Swahili; the page's language switch picks one.</summary>
public sealed record PayPageText
{
    public static readonly PayPageText English = new()
    {
        Code = "en",
        Invoice = "Invoice",
        ToPay = "to pay",
        InvoiceAmount = "Invoice amount",
        Balance = "Balance",
        PaidSoFar = "Paid",
        MpesaNumber = "M-PESA number",
        LeaveEmpty = "Leave empty to pay from {0}.",
        PayButton = "Pay with M-PESA",
        CheckYourPhone = "Check your phone",
        EnterPin = "Enter your M-PESA PIN on the prompt. This page updates by itself.",
        Paid = "Paid. Thank you!",
        PaidOn = "Paid in full on {0}.",
        Receipt = "M-PESA receipt",
        ReceiptPending = "in your M-PESA SMS",
        Cancelled = "This invoice was cancelled. Please ask the seller for a new one.",
        Expired = "This invoice has expired. Please ask the seller for a new one.",
        OrTill = "Or pay by Till",
        OrPaybill = "Or pay by Paybill",
        TillSteps = "M-PESA, Lipa na M-PESA, Buy Goods and Services",
        TillNumber = "Till number",
        PaybillSteps = "M-PESA, Lipa na M-PESA, Pay Bill",
        BusinessNumber = "Business number",
        AccountNumber = "Account number",
        Amount = "Amount",
        TillThen = "Then send the M-PESA message to the seller with invoice {0}.",
        QrCaption = "Scan to open this page on another phone",
        QrAlt = "QR code of this page's link",
        NotKenyan = "That is not a Kenyan mobile number. Enter it like 0712 345 678, or leave the field empty.",
        PaymentReceived = "Payment received. Balance: {0}.",
        BeingChecked = "The seller is checking this payment. You will get a message.",
        DidNotGoThrough = "The payment did not go through. You can try again.",
        TryAgain = "Try again",
        PayNextPart = "Pay the next part",
        Net = "Net",
        VatIncluded = "VAT 16% (included)",
        VatAdded = "VAT 16%",
        InvoicePdf = "Invoice (PDF)",
        ReceiptPdf = "Receipt (PDF)",
    };

    public static readonly PayPageText Swahili = new()
    {
        Code = "sw",
        Invoice = "Ankara",
        ToPay = "ya kulipa",
        InvoiceAmount = "Kiasi cha ankara",
        Balance = "Baki",
        PaidSoFar = "Kimelipwa",
        MpesaNumber = "Namba ya M-PESA",
        LeaveEmpty = "Acha wazi kulipa kutoka {0}.",
        PayButton = "Lipa kwa M-PESA",
        CheckYourPhone = "Angalia simu yako",
        EnterPin = "Weka PIN yako ya M-PESA kwenye ombi. Ukurasa huu utajisasisha wenyewe.",
        Paid = "Imelipwa. Asante!",
        PaidOn = "Imelipwa yote tarehe {0}.",
        Receipt = "Risiti ya M-PESA",
        ReceiptPending = "kwenye SMS ya M-PESA",
        Cancelled = "Ankara hii imeghairiwa. Tafadhali muombe muuzaji ankara mpya.",
        Expired = "Muda wa ankara hii umeisha. Tafadhali muombe muuzaji ankara mpya.",
        OrTill = "Au lipa kwa Till",
        OrPaybill = "Au lipa kwa Paybill",
        TillSteps = "M-PESA, Lipa na M-PESA, Buy Goods and Services",
        TillNumber = "Namba ya Till",
        PaybillSteps = "M-PESA, Lipa na M-PESA, Pay Bill",
        BusinessNumber = "Namba ya biashara",
        AccountNumber = "Namba ya akaunti",
        Amount = "Kiasi",
        TillThen = "Kisha mtumie muuzaji ujumbe wa M-PESA pamoja na ankara {0}.",
        QrCaption = "Changanua kufungua ukurasa huu kwenye simu nyingine",
        QrAlt = "Msimbo wa QR wa kiungo cha ukurasa huu",
        NotKenyan = "Hiyo si namba ya simu ya Kenya. Iandike kama 0712 345 678, au acha nafasi wazi.",
        PaymentReceived = "Malipo yamepokelewa. Baki: {0}.",
        BeingChecked = "Muuzaji anakagua malipo haya. Utapata ujumbe.",
        DidNotGoThrough = "Malipo hayakufanikiwa. Unaweza kujaribu tena.",
        TryAgain = "Jaribu tena",
        PayNextPart = "Lipa sehemu inayofuata",
        Net = "Bila VAT",
        VatIncluded = "VAT 16% (imejumuishwa)",
        VatAdded = "VAT 16%",
        InvoicePdf = "Ankara (PDF)",
        ReceiptPdf = "Risiti (PDF)",
    };

    public required string Code { get; init; }
    public required string Invoice { get; init; }
    public required string ToPay { get; init; }
    public required string InvoiceAmount { get; init; }
    public required string Balance { get; init; }
    public required string PaidSoFar { get; init; }
    public required string MpesaNumber { get; init; }
    public required string LeaveEmpty { get; init; }
    public required string PayButton { get; init; }
    public required string CheckYourPhone { get; init; }
    public required string EnterPin { get; init; }
    public required string Paid { get; init; }
    public required string PaidOn { get; init; }
    public required string Receipt { get; init; }
    public required string ReceiptPending { get; init; }
    public required string Cancelled { get; init; }
    public required string Expired { get; init; }
    public required string OrTill { get; init; }
    public required string OrPaybill { get; init; }
    public required string TillSteps { get; init; }
    public required string TillNumber { get; init; }
    public required string PaybillSteps { get; init; }
    public required string BusinessNumber { get; init; }
    public required string AccountNumber { get; init; }
    public required string Amount { get; init; }
    public required string TillThen { get; init; }
    public required string QrCaption { get; init; }
    public required string QrAlt { get; init; }
    public required string NotKenyan { get; init; }
    public required string PaymentReceived { get; init; }
    public required string BeingChecked { get; init; }
    public required string DidNotGoThrough { get; init; }
    public required string TryAgain { get; init; }
    public required string PayNextPart { get; init; }
    public required string Net { get; init; }
    public required string VatIncluded { get; init; }
    public required string VatAdded { get; init; }

    public Language Language => Language.FromCode(Code);

    public static PayPageText For(Language lang) => lang.IsSwahili ? Swahili : English;
    public required string InvoicePdf { get; init; }
    public required string ReceiptPdf { get; init; }
}
