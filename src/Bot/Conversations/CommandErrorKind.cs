namespace InvoiceFirst.Bot.Conversations;

public enum CommandErrorKind
{
    InvalidPhone,
    MissingCustomer,
    CustomerNameTooShort,
    CustomerNameTooLong,
    MissingAmount,
    InvalidAmount,
    MissingDescription,
    DescriptionTooShort,
    DescriptionTooLong,
    MissingInvoiceNumber,
    InvalidInvoiceNumber,
    MissingLanguage,
    UnsupportedLanguage,
    MissingSwitch,
    MissingSummarySwitch,
    MissingPdfSwitch,
    MpesaUsage,
    InvalidItem,
    MissingVatMode,
}
