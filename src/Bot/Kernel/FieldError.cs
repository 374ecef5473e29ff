namespace InvoiceFirst.Bot.Kernel;

public enum FieldError
{
    TooShort,
    TooLong,
}
